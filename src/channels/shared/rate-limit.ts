/**
 * Per-sender flood control for the chat channels (LENTERA_RATE_LIMIT_PER_MINUTE). Fixed windows
 * that start at a sender's first message: a sender over the limit gets one "slow down" answer per
 * window ("warn") and the rest of that window's messages are not processed ("drop").
 *
 * Where the counts live is chosen in `createRateLimiter`: in the database on PostgreSQL, where
 * several instances share the users (counting in each instance would multiply the limit by their
 * number); in memory on SQLite, which only one server process uses, so the count is exact there
 * without a durable commit per message.
 */
import { errorSummary, type Logger } from "../../logger.js";
import type { Db } from "../../storage/db.js";
import { SqlRateWindows } from "../../storage/rate-limits.js";

export type RateDecision = "allow" | "warn" | "drop";

export interface RateLimiter {
  /** `sender` names the channel and the sender (e.g. `telegram:<user id>`); it is never stored in clear. */
  check(sender: string): Promise<RateDecision>;
}

/** Counts one message of `sender` and returns how many it sent in its current window, this one included. */
export interface WindowCounter {
  hit(sender: string): Promise<number>;
}

export const RATE_WINDOW_MS = 60_000;
const MAX_TRACKED = 10_000;
/** During an outage every message fails the check: one warning per this long is enough. */
const WARN_EVERY_MS = 10_000;

/** Counts in this process only: exact when one process serves every user of the database. */
export class MemoryRateWindows implements WindowCounter {
  readonly #now: () => Date;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(opts: { clock?: () => Date } = {}) {
    this.#now = opts.clock ?? (() => new Date());
  }

  async hit(sender: string): Promise<number> {
    const now = this.#now().getTime();
    let window = this.#windows.get(sender);
    if (!window || now - window.start >= RATE_WINDOW_MS) {
      if (this.#windows.size >= MAX_TRACKED) this.#evictExpired(now);
      window = { start: now, count: 0 };
      this.#windows.set(sender, window);
    }
    return ++window.count;
  }

  #evictExpired(now: number): void {
    for (const [sender, window] of this.#windows) if (now - window.start >= RATE_WINDOW_MS) this.#windows.delete(sender);
    // Still full of live windows: forget the oldest rather than grow without bound.
    if (this.#windows.size >= MAX_TRACKED) this.#windows.delete(this.#windows.keys().next().value!);
  }
}

export class WindowRateLimiter implements RateLimiter {
  readonly #counter: WindowCounter;
  readonly #limit: number;
  readonly #logger: Logger;
  #unchecked = 0;
  #lastWarning = -Infinity;

  constructor(counter: WindowCounter, limitPerWindow: number, logger: Logger) {
    this.#counter = counter;
    this.#limit = limitPerWindow;
    this.#logger = logger;
  }

  async check(sender: string): Promise<RateDecision> {
    let count: number;
    try {
      count = await this.#counter.hit(sender);
    } catch (err) {
      // Fail open: a database blip must not silence users; the limit is flood control, not security.
      this.#unchecked++;
      if (Date.now() - this.#lastWarning >= WARN_EVERY_MS) {
        this.#lastWarning = Date.now();
        this.#logger.warn({ err: errorSummary(err), messages: this.#unchecked }, "rate limit not checked (counts unavailable); messages allowed");
        this.#unchecked = 0;
      }
      return "allow";
    }
    if (count <= this.#limit) return "allow";
    return count === this.#limit + 1 ? "warn" : "drop";
  }
}

/** The limiter for one channel of this process (see the module comment for where it counts). */
export function createRateLimiter(db: Db, limitPerMinute: number, logger: Logger): RateLimiter {
  const counter = db.dialect === "postgres" ? new SqlRateWindows(db, { windowMs: RATE_WINDOW_MS }) : new MemoryRateWindows();
  return new WindowRateLimiter(counter, limitPerMinute, logger);
}
