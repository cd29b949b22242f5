/**
 * A small typed client for the parts of the WhatsApp Cloud API (Graph API) Lentera uses:
 * sending messages and fetching media. Answers are validated with zod; 429, 5xx, network
 * failures and Meta's throughput error codes are retried with exponential backoff and jitter,
 * never sooner than a Retry-After header asks.
 *
 * Why not a library: @great-detail/whatsapp 9.x requires Node 22, its 8.x line has no response
 * validation and does not retry POSTs; @kapso/whatsapp-cloud-api is a 0.x SDK built around a vendor proxy.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import type { Logger } from "../../logger.js";
import { graphErrorSchema, mediaInfoSchema, sendResponseSchema, type MediaInfo } from "./schemas.js";

export const DEFAULT_GRAPH_URL = "https://graph.facebook.com/v24.0";

/** Meta error codes the client knows by name. */
export const GRAPH_ERRORS = {
  /** More than 24 hours since the user last wrote: only a template may be sent. */
  reengagementRequired: 131047,
} as const;
/** Throughput limits (app, account, phone number, sender-recipient pair) and "something went wrong": worth a retry. */
const RETRYABLE_CODES = new Set([4, 80007, 130429, 131000, 131056]);

export interface ReplyButton { type: "reply"; reply: { id: string; title: string } }
export interface ListRow { id: string; title: string; description?: string }

export type OutgoingMessage =
  | { type: "text"; text: { body: string; preview_url?: boolean } }
  | { type: "interactive"; interactive: { type: "button"; body: { text: string }; action: { buttons: ReplyButton[] } } }
  | {
      type: "interactive";
      interactive: { type: "list"; body: { text: string }; action: { button: string; sections: { title?: string; rows: ListRow[] }[] } };
    }
  | {
      type: "template";
      template: { name: string; language: { code: string }; components?: { type: "body"; parameters: { type: "text"; text: string }[] }[] };
    };

export class GraphApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: number | undefined,
    readonly retryable: boolean,
    /** Milliseconds the server asked us to wait before trying again, if it said so. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "GraphApiError";
  }
}

export interface GraphClientOptions {
  token: string;
  phoneNumberId: string;
  logger: Logger;
  baseUrl?: string;
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  timeoutMs?: number;
  maxMediaBytes?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Media URLs carry the bearer token, so only Meta's hosts (or the configured API origin, in tests) may receive it. */
function mediaUrlAllowed(url: URL, apiOrigin: string): boolean {
  if (url.origin === apiOrigin) return true;
  return url.protocol === "https:" && /(^|\.)(fbsbx\.com|facebook\.com|whatsapp\.net|fbcdn\.net)$/.test(url.hostname);
}

export class GraphClient {
  readonly #token: string;
  readonly #phoneNumberId: string;
  readonly #logger: Logger;
  readonly #baseUrl: string;
  readonly #attempts: number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #timeoutMs: number;
  readonly #maxMediaBytes: number;

  constructor(opts: GraphClientOptions) {
    this.#token = opts.token;
    this.#phoneNumberId = opts.phoneNumberId;
    this.#logger = opts.logger;
    this.#baseUrl = (opts.baseUrl ?? DEFAULT_GRAPH_URL).replace(/\/+$/, "");
    this.#attempts = opts.retry?.attempts ?? 5;
    this.#baseDelayMs = opts.retry?.baseDelayMs ?? 500;
    this.#maxDelayMs = opts.retry?.maxDelayMs ?? 30_000;
    this.#timeoutMs = opts.timeoutMs ?? 15_000;
    this.#maxMediaBytes = opts.maxMediaBytes ?? 16 * 1024 * 1024;
  }

  /** Sends one message; resolves with its WhatsApp message id (wamid). */
  async send(to: string, message: OutgoingMessage): Promise<string> {
    const body = { messaging_product: "whatsapp", recipient_type: "individual", to, ...message };
    const res = await this.#request(`${this.#baseUrl}/${encodeURIComponent(this.#phoneNumberId)}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await this.#parse(res, sendResponseSchema)).messages[0]!.id;
  }

  async mediaInfo(mediaId: string): Promise<MediaInfo> {
    const res = await this.#request(`${this.#baseUrl}/${encodeURIComponent(mediaId)}`, { method: "GET" });
    return this.#parse(res, mediaInfoSchema);
  }

  /** Two steps, as the Cloud API requires: the media's short-lived URL, then the bytes (bearer token again). */
  async downloadMedia(mediaId: string): Promise<{ bytes: Buffer; mime: string }> {
    const info = await this.mediaInfo(mediaId);
    if (info.file_size !== undefined && info.file_size > this.#maxMediaBytes) throw new GraphApiError("media too large", 413, undefined, false);
    const url = new URL(info.url);
    if (!mediaUrlAllowed(url, new URL(this.#baseUrl).origin)) throw new GraphApiError("media URL on an unexpected host", 502, undefined, false);
    const res = await this.#request(url.toString(), { method: "GET" });
    const bytes = await this.#readLimited(res);
    if (info.sha256) {
      const digest = createHash("sha256").update(bytes).digest();
      if (info.sha256 !== digest.toString("hex") && info.sha256 !== digest.toString("base64")) {
        throw new GraphApiError("media checksum mismatch", 502, undefined, false);
      }
    }
    return { bytes, mime: info.mime_type };
  }

  async #readLimited(res: Response): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body ?? []) {
      size += chunk.length;
      if (size > this.#maxMediaBytes) throw new GraphApiError("media too large", 413, undefined, false);
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks, size);
  }

  /** fetch with the bearer token, a timeout per attempt, and retries for transient failures. */
  async #request(url: string, init: RequestInit): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      let failure: GraphApiError;
      try {
        const res = await fetch(url, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${this.#token}` },
          signal: AbortSignal.timeout(this.#timeoutMs),
        });
        if (res.ok) return res;
        failure = await this.#error(res);
      } catch (err) {
        // Network error or timeout: the request may or may not have arrived; retrying favours delivery.
        failure = new GraphApiError(`Graph API unreachable: ${(err as Error).name}`, 0, undefined, true);
      }
      if (!failure.retryable || attempt >= this.#attempts) throw failure;
      const backoff = Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** (attempt - 1));
      const jittered = backoff / 2 + Math.random() * (backoff / 2);
      const wait = Math.max(jittered, failure.retryAfterMs ?? 0);
      if (wait > this.#maxDelayMs) throw failure; // the server wants us to wait longer than we may block: caller decides
      this.#logger.warn({ status: failure.status, code: failure.code, attempt, waitMs: Math.round(wait) }, "Graph API call failed; retrying");
      await sleep(wait);
    }
  }

  async #error(res: Response): Promise<GraphApiError> {
    const text = await res.text().catch(() => "");
    let code: number | undefined;
    let message = `Graph API HTTP ${res.status}`;
    try {
      const parsed = graphErrorSchema.safeParse(JSON.parse(text));
      if (parsed.success) {
        code = parsed.data.error.code;
        message = `Graph API error ${code} (HTTP ${res.status})`;
      }
    } catch {
      // not JSON: keep the HTTP status only
    }
    const retryable = res.status === 429 || res.status >= 500 || (code !== undefined && RETRYABLE_CODES.has(code));
    return new GraphApiError(message, res.status, code, retryable, retryAfterMs(res.headers.get("retry-after")));
  }

  async #parse<T extends z.ZodType>(res: Response, schema: T): Promise<z.output<T>> {
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new GraphApiError("unexpected Graph API answer", res.status, undefined, false);
    return parsed.data;
  }
}
