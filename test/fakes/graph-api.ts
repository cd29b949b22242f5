/**
 * A fake WhatsApp Cloud API (Graph API) on 127.0.0.1 for tests and the bench: records every sent
 * message, serves media (metadata, then bytes behind the bearer token), and can be told to fail
 * (HTTP errors, Meta error codes, a closed 24-hour window for chosen recipients).
 */
import { createHash, createHmac } from "node:crypto";
import http from "node:http";

export interface SentMessage {
  to: string;
  type: string;
  body: Record<string, any>;
  id: string;
}

interface Failure { status: number; code?: number; retryAfter?: string }

export class FakeGraphApi {
  readonly token: string;
  readonly phoneNumberId: string;
  readonly sent: SentMessage[] = [];
  /** Every request: method, path and whether it carried the right bearer token. */
  readonly requests: { method: string; path: string; authorized: boolean }[] = [];
  /** Recipients whose 24-hour window is closed: free-form sends fail with 131047. */
  readonly windowClosed = new Set<string>();
  /** Called for every accepted message (the bench times replies with it). */
  onSent?: (message: SentMessage) => void;
  readonly #media = new Map<string, { bytes: Buffer; mime: string }>();
  readonly #failures: Failure[] = [];
  readonly #waiters: { count: number; resolve: () => void }[] = [];
  #server?: http.Server;
  #nextId = 1;
  url = "";

  constructor(opts: { token?: string; phoneNumberId?: string } = {}) {
    this.token = opts.token ?? "test-token";
    this.phoneNumberId = opts.phoneNumberId ?? "1000001";
  }

  async start(): Promise<this> {
    this.#server = http.createServer((req, res) => this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server!.listen(0, "127.0.0.1", resolve));
    const address = this.#server.address();
    this.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/v24.0`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.#server) return;
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server!.close(() => resolve()));
  }

  addMedia(id: string, bytes: Buffer, mime = "image/jpeg"): void {
    this.#media.set(id, { bytes, mime });
  }

  /** The next `times` requests fail this way (in order), then normal service resumes. */
  failNext(times: number, failure: Failure): void {
    for (let i = 0; i < times; i++) this.#failures.push(failure);
  }

  sentTo(to: string): SentMessage[] {
    return this.sent.filter((m) => m.to === to);
  }

  /** Resolves once at least `count` messages have been sent in total. */
  waitForSent(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.sent.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake Graph API: ${this.sent.length}/${count} messages after ${timeoutMs} ms`)), timeoutMs);
      this.#waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (raw += c));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://x").pathname.replace(/^\/v24\.0/, "");
      const authorized = req.headers.authorization === `Bearer ${this.token}`;
      this.requests.push({ method: req.method ?? "", path, authorized });
      const json = (status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      };
      const graphError = (status: number, code: number, headers?: http.OutgoingHttpHeaders) =>
        json(status, { error: { message: `fake error ${code}`, type: "OAuthException", code, fbtrace_id: "fake" } }, headers);

      if (!authorized) return graphError(401, 190);
      const failure = this.#failures.shift();
      if (failure) {
        return graphError(failure.status, failure.code ?? (failure.status === 429 ? 130429 : 131000), failure.retryAfter ? { "retry-after": failure.retryAfter } : {});
      }
      if (req.method === "POST" && path === `/${this.phoneNumberId}/messages`) return this.#send(raw, json, graphError);
      const bytes = /^\/media-bytes\/(.+)$/.exec(path);
      if (req.method === "GET" && bytes) {
        const media = this.#media.get(decodeURIComponent(bytes[1]!));
        if (!media) return graphError(404, 100);
        res.writeHead(200, { "content-type": media.mime, "content-length": media.bytes.length });
        return void res.end(media.bytes);
      }
      const info = /^\/([^/]+)$/.exec(path);
      if (req.method === "GET" && info) {
        const id = decodeURIComponent(info[1]!);
        const media = this.#media.get(id);
        if (!media) return graphError(404, 100);
        return json(200, {
          messaging_product: "whatsapp",
          url: `${this.url}/media-bytes/${encodeURIComponent(id)}`,
          mime_type: media.mime,
          sha256: createHash("sha256").update(media.bytes).digest("hex"),
          file_size: media.bytes.length,
          id,
        });
      }
      graphError(404, 100);
    });
  }

  #send(raw: string, json: (s: number, b: unknown) => void, graphError: (s: number, c: number) => void): void {
    let body: Record<string, any>;
    try {
      body = JSON.parse(raw);
    } catch {
      return graphError(400, 100);
    }
    if (body.messaging_product !== "whatsapp" || typeof body.to !== "string" || typeof body.type !== "string") return graphError(400, 100);
    if (this.windowClosed.has(body.to) && body.type !== "template") return graphError(400, 131047);
    const id = `wamid.fake${this.#nextId++}`;
    const message = { to: body.to, type: body.type, body, id };
    this.sent.push(message);
    this.onSent?.(message);
    for (const waiter of [...this.#waiters]) {
      if (this.sent.length >= waiter.count) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    json(200, { messaging_product: "whatsapp", contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id }] });
  }
}

// ---------- The other direction: Meta delivering signed webhooks from a WhatsApp user ----------

let wamidCounter = 0;
export const newWamid = () => `wamid.in${Date.now().toString(36)}${(wamidCounter++).toString(36)}`;

export function webhookBody(phoneNumberId: string, value: Record<string, unknown>): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "102290129340398", changes: [{ field: "messages", value: {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "15550783881", phone_number_id: phoneNumberId },
      ...value,
    } }] }],
  });
}

export function signBody(body: string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`;
}

/** A WhatsApp user talking to the bot through Meta: signed webhook deliveries in, the fake API's sends out. */
export class WhatsAppUser {
  constructor(
    readonly api: FakeGraphApi,
    readonly opts: { webhookUrl: string; appSecret: string; waId: string; settle: () => Promise<void> },
  ) {}

  /** Delivers raw message objects (as Meta would) and waits until the bot has handled them. */
  async deliver(messages: Record<string, unknown>[]): Promise<Response> {
    const body = webhookBody(this.api.phoneNumberId, {
      contacts: [{ profile: { name: "Test User" }, wa_id: this.opts.waId }],
      messages,
    });
    const res = await fetch(this.opts.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, this.opts.appSecret) },
      body,
    });
    await this.opts.settle();
    return res;
  }

  message(type: string, content: Record<string, unknown>, id = newWamid()): Record<string, unknown> {
    return { from: this.opts.waId, id, timestamp: String(Math.floor(Date.now() / 1000)), type, ...content };
  }

  /** Sends a text; resolves with the bot's messages sent in answer. */
  async say(text: string, opts: { forwarded?: boolean } = {}): Promise<SentMessage[]> {
    return this.#exchange(this.message("text", { text: { body: text }, ...(opts.forwarded ? { context: { forwarded: true } } : {}) }));
  }

  async sendImage(mediaId: string, caption?: string): Promise<SentMessage[]> {
    return this.#exchange(this.message("image", { image: { id: mediaId, mime_type: "image/jpeg", sha256: "x", ...(caption ? { caption } : {}) } }));
  }

  /** Taps the reply button or list row labelled `label` in the bot's last message with choices (or types its number). */
  async tap(label: string | RegExp): Promise<SentMessage[]> {
    const matches = (s: string | undefined) => s !== undefined && (typeof label === "string" ? s === label : label.test(s));
    const last = [...this.api.sentTo(this.opts.waId)].reverse().find((m) => m.type === "interactive" || /\n1\. /.test(m.body.text?.body ?? ""));
    if (!last) throw new Error("no choices were offered");
    const interactive = last.body.interactive;
    if (interactive?.type === "button") {
      const button = interactive.action.buttons.find((b: any) => matches(b.reply.title));
      if (!button) throw new Error(`no button ${label} in ${JSON.stringify(interactive.action.buttons)}`);
      return this.#exchange(this.message("interactive", { interactive: { type: "button_reply", button_reply: button.reply } }));
    }
    if (interactive?.type === "list") {
      const rows = interactive.action.sections.flatMap((s: any) => s.rows);
      const row = rows.find((r: any) => matches(r.title) || matches(r.description));
      if (!row) throw new Error(`no row ${label} in ${JSON.stringify(rows)}`);
      return this.#exchange(this.message("interactive", { interactive: { type: "list_reply", list_reply: { id: row.id, title: row.title } } }));
    }
    const line = (last.body.text.body as string).split("\n").find((l) => /^\d+\. /.test(l) && matches(l.replace(/^\d+\. /, "")));
    if (!line) throw new Error(`no numbered choice ${label}`);
    return this.say(line.split(".")[0]!);
  }

  async #exchange(message: Record<string, unknown>): Promise<SentMessage[]> {
    const before = this.api.sentTo(this.opts.waId).length;
    const res = await this.deliver([message]);
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    return this.api.sentTo(this.opts.waId).slice(before);
  }
}

/** The visible text of a sent message, whatever its type. */
export function textOf(message: SentMessage): string {
  const b = message.body;
  return b.text?.body ?? b.interactive?.body?.text ?? `[template ${b.template?.name}]`;
}
