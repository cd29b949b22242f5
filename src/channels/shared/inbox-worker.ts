/**
 * Processes the events a channel's webhook stored in the durable inbox: right after they were stored
 * (`kick`), at start-up (events left pending by a crash or restart) and periodically (leases that
 * expired in another process). Events with the same key (one sender, one chat) are processed in
 * order; different keys run concurrently, up to `concurrency` at a time.
 *
 * Leases are short and renewed: while an event is held here (waiting behind its key or being
 * processed) a heartbeat extends its lease every third of a lease. A live worker so keeps an event
 * however long the LLM takes, and the events of a worker that died are claimed elsewhere about one
 * lease later.
 */
import type { Logger } from "../../logger.js";
import { errorSummary } from "../../logger.js";
import type { Inbox, InboxEvent } from "../../storage/inbox.js";
import { backoffDelayMs } from "../../storage/lease.js";
import { kickable } from "./kickable.js";

export const DEFAULT_LEASE_MS = 60_000;

export interface InboxWorkerOptions<P> {
  inbox: Pick<Inbox, "claimPending" | "done" | "retryLater" | "extendLeases">;
  /** The inbox source this worker drains ("telegram", "whatsapp"). */
  source: string;
  /** Events with the same key run one after another, in the order they were stored. */
  keyOf(payload: P): string;
  process(payload: P): Promise<void>;
  logger: Logger;
  /** What of a processing error may be logged; errorSummary unless the channel knows better. */
  describeError?: (err: unknown) => Record<string, unknown>;
  /** Events processed at once (those waiting behind their key included). */
  concurrency?: number;
  /** How long a claimed event stays with this worker without a renewal: about how long a dead worker's events wait. */
  leaseMs?: number;
  pollMs?: number;
}

export interface InboxWorker {
  kick(): void;
  /** Resolves when nothing claimable is left and nothing is in flight. */
  idle(): Promise<void>;
  /** Claims nothing more and waits for the events in hand (their leases still renewed meanwhile). */
  stop(): Promise<void>;
}

export function startInboxWorker<P>(options: InboxWorkerOptions<P>): InboxWorker {
  const { inbox, source, logger } = options;
  const what = `${source} inbox`;
  const concurrency = options.concurrency ?? 8;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const describeError = options.describeError ?? errorSummary;
  const inFlight = new Set<Promise<void>>();
  const lastOfKey = new Map<string, Promise<void>>();
  /** Ids of the events claimed here and not yet finished or released: the leases the heartbeat renews. */
  const held = new Set<string>();
  let stopped = false;

  async function handle(event: InboxEvent<P>): Promise<void> {
    try {
      await options.process(event.payload);
      await inbox.done(event.id);
    } catch (err) {
      logger.error({ inboxId: event.id, attempts: event.attempts, err: describeError(err) }, `${what} event failed; will retry`);
      await inbox.retryLater(event.id, new Date(Date.now() + backoffDelayMs(event.attempts)), errorSummary(err).type).catch(() => {
        // The lease expires on its own; the periodic poll picks the event up again.
      });
    }
  }

  /** Chains the event behind the previous one with the same key. */
  function schedule(event: InboxEvent<P>): void {
    held.add(event.id);
    const key = options.keyOf(event.payload);
    const previous = lastOfKey.get(key) ?? Promise.resolve();
    const run = previous.then(() => handle(event));
    lastOfKey.set(key, run);
    inFlight.add(run);
    void run.finally(() => {
      held.delete(event.id);
      inFlight.delete(run);
      if (lastOfKey.get(key) === run) lastOfKey.delete(key);
    });
  }

  async function drain(): Promise<void> {
    while (!stopped) {
      if (inFlight.size >= concurrency) {
        await Promise.race(inFlight);
        continue;
      }
      const events = await inbox.claimPending<P>(source, concurrency - inFlight.size, leaseMs);
      if (events.length === 0) return;
      // An event still held here whose lease ran out while the database was unreachable: it is already
      // being processed, and the claim has just renewed its lease.
      for (const event of events) if (!held.has(event.id)) schedule(event);
    }
  }

  let renewal: Promise<void> | undefined;
  async function renewLeases(): Promise<void> {
    try {
      await inbox.extendLeases([...held], leaseMs);
    } catch (err) {
      // The leases may run out and another worker take the events over; the next beat tries again.
      logger.warn({ err: errorSummary(err), events: held.size }, `${what} lease renewal failed`);
    }
  }
  const heartbeat = setInterval(() => {
    if (renewal || held.size === 0) return;
    renewal = renewLeases().finally(() => (renewal = undefined));
  }, Math.max(1, Math.floor(leaseMs / 3)));
  heartbeat.unref();

  const runner = kickable(drain, { intervalMs: options.pollMs ?? 15_000, logger, what });
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
      clearInterval(heartbeat);
      await renewal;
    },
  };
}
