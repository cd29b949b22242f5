/**
 * Delivers officers' questions and status changes to Telegram reporters: drains the durable
 * NoticeQueue for the "telegram" channel. A notice is marked done only after Telegram accepted the
 * message; a failed send is retried later (and the lease expires if this process dies mid-send).
 */
import { GrammyError, type Api } from "grammy";
import type { OutboundMessage } from "../../core/messages.js";
import type { NoticeQueue, ReporterNotice } from "../../core/ports.js";
import type { Logger } from "../../logger.js";
import { kickable, type Kickable } from "../shared/kickable.js";
import { sendReplies } from "./render.js";

export interface NoticeDeliveryOptions {
  notices: NoticeQueue;
  api: Api;
  render: (notice: ReporterNotice) => OutboundMessage[];
  logger: Logger;
  /** How often to look for notices written by other processes. */
  idleMs?: number;
  batchSize?: number;
}

const RETRY_DELAY_MS = 60_000;
/** The reporter blocked the bot or deleted the chat: try again much later, they may come back. */
const UNREACHABLE_RETRY_MS = 24 * 60 * 60_000;

const isPermanent = (error: unknown) => error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403);

export function startNoticeDelivery(options: NoticeDeliveryOptions): Kickable {
  const { notices, api, render, logger } = options;
  const batchSize = options.batchSize ?? 20;

  async function deliver({ id, address, notice }: { id: string; address: string; notice: ReporterNotice }): Promise<void> {
    try {
      await sendReplies(api, address, render(notice));
    } catch (error) {
      const code = error instanceof GrammyError ? error.error_code : undefined;
      const permanent = isPermanent(error);
      logger.warn({ ref: notice.ref, code }, permanent ? "reporter unreachable on telegram" : "notice delivery failed; will retry");
      await notices.retryLater(id, new Date(Date.now() + (permanent ? UNREACHABLE_RETRY_MS : RETRY_DELAY_MS)), `telegram ${code ?? "network"}`);
      return;
    }
    await notices.done(id);
  }

  async function drain(): Promise<void> {
    for (;;) {
      const claimed = await notices.claim("telegram", batchSize);
      // Different reporters in parallel; the throttler keeps within Telegram's limits.
      await Promise.all(claimed.map(deliver));
      if (claimed.length < batchSize) return;
    }
  }

  const runner = kickable(drain, { intervalMs: options.idleMs ?? 1_000, logger, what: "telegram notice queue" });
  runner.kick();
  return runner;
}
