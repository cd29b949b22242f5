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
import type { App } from "../../app.js";
import type { HttpServer } from "../../http/server.js";
import { isJsonObject, rawBody, sendJson } from "../../http/server.js";
import { ALLOWED_UPDATES, INBOX_SOURCE } from "./bot.js";
import type { InboxEvent } from "../../storage/inbox.js";
import { backoffDelayMs } from "../../storage/lease.js";
import { kickable } from "../whatsapp/kickable.js";
import { describeError } from "./errors.js";

export const MIN_WEBHOOK_SECRET_LENGTH = 32;
/** Updates processed at once by this instance. */
const MAX_CONCURRENT = 100;
/** Longer than any update takes (LLM timeouts included), so a live worker never loses its lease. */
const LEASE_MS = 5 * 60_000;
const RECOVERY_POLL_MS = 5_000;

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

  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  const processStored = async (event: InboxEvent<Update>) => {
    try {
      await bot.handleUpdate(event.payload);
      await app.inbox.done(event.id);
    } catch (error) {
      logger.error({ updateId: event.payload.update_id, err: describeError(error) }, "stored telegram update failed; will retry");
      await app.inbox
        .retryLater(event.id, new Date(Date.now() + backoffDelayMs(event.attempts)), "processing failed")
        // Without the database the lease simply expires and the update is claimed again later.
        .catch(() => undefined);
    }
  };
  /** Claims stored updates while there is room; one chat's updates still run in order (sequentialize). */
  async function drain(): Promise<void> {
    while (!stopped) {
      if (inFlight.size >= MAX_CONCURRENT) {
        await Promise.race(inFlight);
        continue;
      }
      const events = await app.inbox.claimPending<Update>(INBOX_SOURCE, MAX_CONCURRENT - inFlight.size, LEASE_MS);
      if (events.length === 0) return;
      for (const event of events) {
        const task = processStored(event).finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
    }
  }
  // Started now: updates a crashed process acknowledged but never handled are taken up at once.
  const worker = kickable(drain, { intervalMs: RECOVERY_POLL_MS, logger, what: "telegram inbox" });
  worker.kick();

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
    if (!isJsonObject(rawBody(req))) return sendJson(res, 400, { error: "not a Telegram update" });
    await receive(req, res);
  });
  await bot.api.setWebhook(url, { secret_token: secretToken, allowed_updates: [...ALLOWED_UPDATES] });

  return {
    async stop() {
      open = false;
      stopped = true;
      await worker.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}
