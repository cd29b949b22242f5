/**
 * Delivers officers' questions and status changes to Telegram reporters: drains the durable
 * NoticeQueue for the "telegram" channel. A notice is marked done only after Telegram accepted the
 * message; a failed send is retried later (and the lease expires if this process dies mid-send).
 */
import { GrammyError, type Api } from "grammy";
import type { OutboundMessage } from "../../core/messages.js";
import type { NoticeQueue, ReporterNotice } from "../../core/ports.js";
import type { Logger } from "../../logger.js";
import { startPollLoop, type PollLoop } from "./poll-loop.js";
import { sendReplies } from "./render.js";

export interface NoticeDeliveryOptions {
  notices: NoticeQueue;
  api: Api;
  render: (notice: ReporterNotice) => OutboundMessage[];
  logger: Logger;
  /** Pause between polls when the queue is empty. */
  idleMs?: number;
  batchSize?: number;
  retryDelayMs?: number;
}

const UNREACHABLE_RETRY_MS = 24 * 60 * 60_000;

/** Telegram will not take this message for this chat however soon it is retried (blocked bot, deleted chat). */
const isPermanent = (error: unknown) => error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403);

export function startNoticeDelivery(options: NoticeDeliveryOptions): PollLoop {
  const { notices, api, render, logger } = options;
  const batchSize = options.batchSize ?? 20;
  const retryDelayMs = options.retryDelayMs ?? 60_000;

  const deliver = async ({ id, address, notice }: { id: string; address: string; notice: ReporterNotice }) => {
    try {
      await sendReplies(api, address, render(notice));
    } catch (error) {
      const code = error instanceof GrammyError ? error.error_code : undefined;
      const permanent = isPermanent(error);
      logger.warn({ ref: notice.ref, code }, permanent ? "reporter unreachable on telegram" : "notice delivery failed; will retry");
      await notices.retryLater(id, new Date(Date.now() + (permanent ? UNREACHABLE_RETRY_MS : retryDelayMs)), `telegram ${code ?? "network"}`);
      return;
    }
    await notices.done(id);
  };

  return startPollLoop(
    "telegram-notices",
    async () => {
      const claimed = await notices.claim("telegram", batchSize);
      // Different reporters in parallel; the throttler keeps within Telegram's global limit.
      await Promise.all(claimed.map(deliver));
      return claimed.length === batchSize;
    },
    { idleMs: options.idleMs ?? 1_000, logger },
  );
}
