/**
 * Processes the WhatsApp messages stored in the durable inbox: right after the webhook stored them
 * (`kick`), at start-up (messages left pending by a crash or restart) and periodically (leases that
 * expired in another process). Messages of one sender are processed in order; different senders
 * run concurrently, up to `concurrency` at a time.
 */
import type { Logger } from "../../logger.js";
import type { InboxEvent } from "../../storage/inbox.js";
import { backoffDelayMs } from "../../storage/lease.js";
import { kickable } from "./kickable.js";
import type { WhatsAppInboundMessage } from "./schemas.js";
import { INBOX_SOURCE, type StoredWhatsAppMessage } from "./webhook.js";
import { errorSummary } from "../../logger.js";

export interface InboxLike {
  claimPending<P>(source: string, limit: number, leaseMs: number): Promise<InboxEvent<P>[]>;
  done(id: string): Promise<void>;
  retryLater(id: string, at: Date, error: string): Promise<void>;
}

export interface InboxWorkerOptions {
  inbox: InboxLike;
  process(message: WhatsAppInboundMessage): Promise<void>;
  logger: Logger;
  /**
   * Messages processed at once. Storage and the engine run on the event loop that also answers
   * webhooks, so more concurrency mostly delays the 200s (bench/whatsapp.ts); 8 still overlaps
   * Graph API round trips.
   */
  concurrency?: number;
  /** A message still leased after this long is taken to be abandoned (crashed process). */
  leaseMs?: number;
  pollMs?: number;
}

export interface InboxWorker {
  kick(): void;
  /** Resolves when nothing claimable is left and nothing is in flight. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function startInboxWorker(options: InboxWorkerOptions): InboxWorker {
  const { inbox, logger } = options;
  const concurrency = options.concurrency ?? 8;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const inFlight = new Set<Promise<void>>();
  const lastOfSender = new Map<string, Promise<void>>();
  let stopped = false;

  async function handle(event: InboxEvent<StoredWhatsAppMessage>): Promise<void> {
    try {
      await options.process(event.payload.message);
      await inbox.done(event.id);
    } catch (err) {
      logger.error({ err: errorSummary(err), attempts: event.attempts }, "whatsapp message processing failed; will retry");
      await inbox.retryLater(event.id, new Date(Date.now() + backoffDelayMs(event.attempts)), (err as Error).name).catch(() => {
        // The lease expires on its own; the periodic poll picks the message up again.
      });
    }
  }

  /** Chains the event behind the previous one from the same sender. */
  function schedule(event: InboxEvent<StoredWhatsAppMessage>): void {
    const sender = event.payload.message.from;
    const previous = lastOfSender.get(sender) ?? Promise.resolve();
    const run = previous.then(() => handle(event));
    lastOfSender.set(sender, run);
    inFlight.add(run);
    void run.finally(() => {
      inFlight.delete(run);
      if (lastOfSender.get(sender) === run) lastOfSender.delete(sender);
    });
  }

  async function drain(): Promise<void> {
    while (!stopped) {
      if (inFlight.size >= concurrency) {
        await Promise.race(inFlight);
        continue;
      }
      const events = await inbox.claimPending<StoredWhatsAppMessage>(INBOX_SOURCE, concurrency - inFlight.size, leaseMs);
      if (events.length === 0) return;
      for (const event of events) schedule(event);
    }
  }

  const runner = kickable(drain, { intervalMs: options.pollMs ?? 15_000, logger, what: "whatsapp inbox" });
  runner.kick();

  return {
    kick: runner.kick,
    async idle() {
      do {
        await runner.settled();
        await Promise.allSettled([...inFlight]);
      } while (inFlight.size > 0);
    },
    async stop() {
      stopped = true;
      await runner.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}
