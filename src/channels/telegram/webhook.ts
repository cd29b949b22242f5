/**
 * Webhook mode: Telegram POSTs updates to TELEGRAM_WEBHOOK_URL on the shared HTTP server.
 *
 * Fails closed: without a secret of at least 32 characters it refuses to start (grammY accepts every
 * request when no secret is set), and a request without the right X-Telegram-Bot-Api-Secret-Token
 * header gets 401 before anything runs.
 *
 * Persist, then acknowledge, then process: the receiving route only stores the update in the inbox
 * (a redelivered update_id is dropped there) and answers 200; a worker claims stored updates and
 * hands them to the bot. If the process dies after the 200, the lease expires and the update is
 * processed later, here or on another instance. If the store fails, Telegram gets a 5xx and retries.
 */
import { Bot, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import { z } from "zod";
import type { App } from "../../app.js";
import type { HttpServer } from "../../http/server.js";
import { rawBody, sendJson } from "../../http/server.js";
import { startInboxWorker } from "../shared/inbox-worker.js";
import { ALLOWED_UPDATES, INBOX_SOURCE } from "./bot.js";
import { describeError } from "./errors.js";

export const MIN_WEBHOOK_SECRET_LENGTH = 32;
/** Updates processed at once by this instance. */
const MAX_CONCURRENT = 100;
const RECOVERY_POLL_MS = 5_000;

/** What the route checks before storing: a JSON object whose update_id can key the inbox. */
const StorableUpdate = z.object({ update_id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

function isStorableUpdate(body: Buffer): boolean {
  try {
    return StorableUpdate.safeParse(JSON.parse(body.toString())).success;
  } catch {
    return false;
  }
}

/** One chat's updates run in order; an update without a chat is its own key. */
function orderingKey(update: Update): string {
  const chatId = update.message?.chat.id ?? update.callback_query?.message?.chat.id;
  return chatId === undefined ? `update:${update.update_id}` : `chat:${chatId}`;
}

export function webhookSecret(secret: string | undefined): string {
  if (!secret || secret.length < MIN_WEBHOOK_SECRET_LENGTH) {
    throw new Error(`Telegram webhook mode needs TELEGRAM_WEBHOOK_SECRET of at least ${MIN_WEBHOOK_SECRET_LENGTH} characters`);
  }
  return secret;
}

export interface RunningWebhook {
  /** Stops taking deliveries (503, Telegram retries later), then waits for the updates being processed. */
  stop(): Promise<void>;
}

export async function startWebhook(app: App, http: HttpServer, bot: Bot): Promise<RunningWebhook> {
  const { config } = app;
  const url = config.TELEGRAM_WEBHOOK_URL;
  if (!url) throw new Error("TELEGRAM_WEBHOOK_URL is not set");
  const secretToken = webhookSecret(config.TELEGRAM_WEBHOOK_SECRET);
  const logger = app.logger.child({ channel: "telegram" });

  // Started now: updates a crashed process acknowledged but never handled are taken up at once.
  const worker = startInboxWorker<Update>({
    inbox: app.inbox,
    source: INBOX_SOURCE,
    keyOf: orderingKey,
    process: (update) => bot.handleUpdate(update),
    logger,
    describeError,
    concurrency: MAX_CONCURRENT,
    pollMs: RECOVERY_POLL_MS,
  });

  // A receiving-only bot: its one middleware stores the update. Same identity as the processing bot.
  const receiver = new Bot(bot.token, { botInfo: bot.botInfo });
  receiver.use(async (ctx) => {
    if (await app.inbox.store(INBOX_SOURCE, String(ctx.update.update_id), ctx.update)) worker.kick();
    else logger.debug({ updateId: ctx.update.update_id }, "duplicate update ignored");
  });
  const receive = webhookCallback(receiver, "http", { secretToken, onTimeout: "throw", timeoutMilliseconds: 10_000 });

  let open = true;
  http.route("POST", new URL(url).pathname, async (req, res) => {
    if (!open) return sendJson(res, 503, { error: "unavailable" });
    // grammY throws on a body that is not a JSON object: that would be a 500, which Telegram retries forever.
    // Without a usable update_id the update could not be de-duplicated (it would be stored as "undefined").
    if (!isStorableUpdate(rawBody(req))) return sendJson(res, 400, { error: "not a Telegram update" });
    await receive(req, res);
  });
  await bot.api.setWebhook(url, { secret_token: secretToken, allowed_updates: [...ALLOWED_UPDATES] });

  return {
    async stop() {
      open = false;
      await worker.stop();
    },
  };
}
