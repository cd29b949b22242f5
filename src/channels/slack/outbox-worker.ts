/**
 * Drains `slack.tip` events from the durable outbox into Slack through the TipPublisher.
 *
 * - Events are leased (a crashed worker's events come back after the lease) and marked done only
 *   after Slack accepted the post or update, so nothing is lost across restarts.
 * - Several events for one tip in a batch become one sync (the publisher is state-based).
 * - One tip at a time per process; several processes share the outbox (leases, per-tip locks).
 * - 429: nothing is sent to Slack before Retry-After has passed. 5xx / network errors: the worker
 *   backs off globally with exponential delays (one probe per delay instead of hammering Slack
 *   with the whole backlog), and drains at full speed as soon as a probe succeeds.
 * - Errors specific to one tip (e.g. channel_not_found) retry that tip with its own backoff
 *   and never block the others. Tips are never parked: they retry until Slack takes them.
 */
import { z } from "zod";
import type { Logger } from "../../logger.js";
import type { OutboxItem } from "../../storage/outbox.js";
import { classifySlackFailure, describeSlackFailure } from "./errors.js";
import { SLACK_TIP_TOPIC } from "../../core/tips/types.js";
import { TipBusyError } from "./tip-publisher.js";

/** The event kind is not needed: publishing is state-based (see tip-publisher.ts). */
const slackTipEventSchema = z.object({ ref: z.string().min(1).max(64) });

export interface OutboxQueue {
  claim<P>(topic: string, limit: number, leaseMs: number): Promise<OutboxItem<P>[]>;
  done(id: string, result?: object): Promise<void>;
  retryLater(id: string, at: Date, error: string): Promise<void>;
}

export interface WorkerOptions {
  batchSize: number;
  leaseMs: number;
  pollIntervalMs: number;
  /** Global backoff while Slack is unavailable: base · 2^(failures-1), capped, ±25% jitter. */
  unavailableBaseMs: number;
  unavailableMaxMs: number;
  /** Backoff of one tip that Slack rejected: base · 2^attempts, capped. */
  rejectedBaseMs: number;
  rejectedMaxMs: number;
  busyRetryMs: number;
}

const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  batchSize: 25,
  leaseMs: 60_000,
  pollIntervalMs: 500,
  unavailableBaseMs: 1_000,
  unavailableMaxMs: 10_000,
  rejectedBaseMs: 2_000,
  rejectedMaxMs: 15 * 60_000,
  busyRetryMs: 1_000,
};

const jitter = (ms: number) => Math.round(ms * (0.75 + Math.random() * 0.5));

export class SlackOutboxWorker {
  readonly #queue: OutboxQueue;
  readonly #sync: (ref: string) => Promise<void>;
  readonly #logger: Logger;
  readonly #opts: WorkerOptions;
  #pausedUntil = 0;
  #failures = 0;
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #interrupt: (() => void) | undefined;

  constructor(deps: { queue: OutboxQueue; sync: (ref: string) => Promise<void>; logger: Logger; options?: Partial<WorkerOptions> }) {
    this.#queue = deps.queue;
    this.#sync = deps.sync;
    this.#logger = deps.logger;
    this.#opts = { ...DEFAULT_WORKER_OPTIONS, ...deps.options };
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  /** New events were enqueued: poll now instead of at the next interval (a pause still holds). */
  wake(): void {
    this.#wake?.();
  }

  /** Finishes the tip in progress; the rest of the batch goes back to the outbox for the next start. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#interrupt?.();
    await this.#loop;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      const paused = this.#pausedUntil - Date.now();
      if (paused > 0) {
        await this.#sleep(paused, false);
        continue;
      }
      let claimed = 0;
      try {
        claimed = await this.runOnce();
      } catch (err) {
        this.#logger.error({ err: describeSlackFailure(err) }, "slack outbox batch failed");
      }
      if (claimed === 0) await this.#sleep(this.#opts.pollIntervalMs, true);
    }
  }

  /** stop() ends any sleep; wake() ends only a poll sleep, never a backoff. */
  #sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        this.#interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#interrupt = done;
      if (wakeable) this.#wake = done;
    });
  }

  /** Claims and processes one batch; returns how many events it claimed. */
  async runOnce(): Promise<number> {
    // While Slack is failing, each attempt is a probe: claim one event, not a batch to put back.
    const limit = this.#failures > 0 ? 1 : this.#opts.batchSize;
    const items = await this.#queue.claim<unknown>(SLACK_TIP_TOPIC, limit, this.#opts.leaseMs);
    const byRef = new Map<string, OutboxItem<unknown>[]>();
    for (const item of items) {
      const parsed = slackTipEventSchema.safeParse(item.payload);
      if (!parsed.success) {
        this.#logger.error({ id: item.id }, "slack outbox event is malformed; dropped");
        await this.#queue.done(item.id, { error: "malformed payload" });
        continue;
      }
      byRef.set(parsed.data.ref, [...(byRef.get(parsed.data.ref) ?? []), item]);
    }
    // One tip at a time: Slack allows about one post per second per channel anyway, and a single
    // lane means no request leaves after a 429 until its Retry-After has passed.
    for (const [ref, group] of byRef) await this.#process(ref, group);
    return items.length;
  }

  async #process(ref: string, items: OutboxItem<unknown>[]): Promise<void> {
    if (!this.#running) return this.#retry(items, new Date(), "worker stopping");
    if (this.#pausedUntil > Date.now()) return this.#retry(items, new Date(this.#pausedUntil), "slack paused");
    try {
      await this.#sync(ref);
      this.#failures = 0;
      for (const item of items) await this.#queue.done(item.id);
    } catch (err) {
      await this.#retry(items, this.#retryAt(err, items), describeSlackFailure(err));
    }
  }

  #retryAt(err: unknown, items: OutboxItem<unknown>[]): Date {
    const now = Date.now();
    if (err instanceof TipBusyError) return new Date(now + this.#opts.busyRetryMs);
    const failure = classifySlackFailure(err);
    switch (failure.kind) {
      case "rate_limited":
        this.#pausedUntil = Math.max(this.#pausedUntil, now + failure.retryAfterMs);
        this.#logger.warn({ retryAfterMs: failure.retryAfterMs }, "slack rate limited; pausing");
        return new Date(this.#pausedUntil);
      case "unavailable": {
        this.#failures++;
        const delay = Math.min(this.#opts.unavailableMaxMs, this.#opts.unavailableBaseMs * 2 ** (this.#failures - 1));
        this.#pausedUntil = Math.max(this.#pausedUntil, now + jitter(delay));
        this.#logger.warn({ failures: this.#failures, err: describeSlackFailure(err) }, "slack unavailable; backing off");
        return new Date(this.#pausedUntil);
      }
      default: {
        const attempts = Math.max(...items.map((i) => i.attempts));
        const delay = Math.min(this.#opts.rejectedMaxMs, this.#opts.rejectedBaseMs * 2 ** attempts);
        this.#logger.error({ attempts, err: describeSlackFailure(err) }, "slack publish of a tip failed; will retry");
        return new Date(now + jitter(delay));
      }
    }
  }

  async #retry(items: OutboxItem<unknown>[], at: Date, reason: string): Promise<void> {
    for (const item of items) await this.#queue.retryLater(item.id, at, reason);
  }
}
