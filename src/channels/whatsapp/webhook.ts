/**
 * The WhatsApp webhook on the shared HTTP server.
 * GET: Meta's subscription handshake (403 unless the verify token matches; echoes hub.challenge).
 * POST: 401 unless X-Hub-Signature-256 is a valid HMAC of the raw body; 400 for anything that is not
 * a messages-webhook payload; each message is stored in the durable inbox (de-duplicated by wamid)
 * BEFORE the 200, and processed afterwards. If storing fails the answer is 500, so Meta redelivers.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { rawBody, sendJson, type HttpServer } from "../../http/server.js";
import type { Logger } from "../../logger.js";
import { handshakeSchema, webhookPayloadSchema, type WhatsAppInboundMessage } from "./schemas.js";
import { verifyWhatsAppSignature } from "./signature.js";

export const WEBHOOK_PATH = "/webhooks/whatsapp";
export const INBOX_SOURCE = "whatsapp";

/** What the inbox keeps for a message until it is processed (encrypted by the inbox). */
export interface StoredWhatsAppMessage {
  message: WhatsAppInboundMessage;
}

export interface WebhookOptions {
  appSecret: string;
  verifyToken: string;
  phoneNumberId: string;
  inbox: { store(source: string, eventId: string, payload: unknown): Promise<boolean> };
  logger: Logger;
  /** Called after a POST stored at least one new message. */
  onStored(): void;
}

/** Constant-time comparison of two strings of any length. */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function mountWebhook(server: HttpServer, options: WebhookOptions): void {
  const { logger } = options;
  server.route("GET", WEBHOOK_PATH, (req, res) => handshake(req, res, options));
  server.route("POST", WEBHOOK_PATH, async (req, res) => {
    const body = rawBody(req);
    if (!verifyWhatsAppSignature(body, req.headers["x-hub-signature-256"], options.appSecret)) {
      logger.warn({ bytes: body.length }, "whatsapp webhook: signature missing or invalid");
      return sendJson(res, 401, { error: "invalid signature" });
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      return sendJson(res, 400, { error: "invalid JSON" });
    }
    const parsed = webhookPayloadSchema.safeParse(json);
    if (!parsed.success) {
      logger.warn({ issues: parsed.error.issues.length, path: parsed.error.issues[0]?.path.join(".") }, "whatsapp webhook: unexpected payload");
      return sendJson(res, 400, { error: "unexpected payload" });
    }
    let stored = 0;
    let duplicates = 0;
    for (const entry of parsed.data.entry) {
      for (const change of entry.changes) {
        if (change.field !== "messages") continue;
        const { value } = change;
        if (value.metadata && value.metadata.phone_number_id !== options.phoneNumberId) {
          logger.warn("whatsapp webhook: event for another phone number id ignored");
          continue;
        }
        for (const status of value.statuses ?? []) {
          const log = status.status === "failed" ? logger.warn.bind(logger) : logger.debug.bind(logger);
          log({ status: status.status, errors: status.errors?.map((e) => e.code) }, "whatsapp delivery status");
        }
        for (const error of value.errors ?? []) logger.warn({ code: error.code }, "whatsapp webhook: platform error");
        for (const message of value.messages ?? []) {
          const payload: StoredWhatsAppMessage = { message };
          if (await options.inbox.store(INBOX_SOURCE, message.id, payload)) stored++;
          else duplicates++;
        }
      }
    }
    if (duplicates > 0) logger.info({ duplicates }, "whatsapp webhook: redelivered messages ignored");
    sendJson(res, 200, { ok: true });
    if (stored > 0) options.onStored();
  });
}

function handshake(req: http.IncomingMessage, res: http.ServerResponse, options: WebhookOptions): void {
  const query = Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams);
  const parsed = handshakeSchema.safeParse(query);
  if (!parsed.success || !sameSecret(parsed.data["hub.verify_token"], options.verifyToken)) {
    options.logger.warn("whatsapp webhook: verification handshake refused");
    return sendJson(res, 403, { error: "forbidden" });
  }
  const challenge = parsed.data["hub.challenge"];
  res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
  res.end(challenge);
}
