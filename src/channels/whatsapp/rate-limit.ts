/**
 * Per-sender flood control (fixed one-minute windows, in memory): a sender over the limit gets one
 * "slow down" answer per window and the rest of that window's messages are not processed.
 */
export type RateDecision = "allow" | "warn" | "drop";

const WINDOW_MS = 60_000;
const MAX_TRACKED = 10_000;

export class SenderRateLimiter {
  readonly #limit: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(limitPerMinute: number, clock: () => number = Date.now) {
    this.#limit = limitPerMinute;
    this.#now = clock;
  }

  check(sender: string): RateDecision {
    const now = this.#now();
    let window = this.#windows.get(sender);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.#windows.size >= MAX_TRACKED) this.#evictExpired(now);
      window = { start: now, count: 0 };
      this.#windows.set(sender, window);
    }
    window.count++;
    if (window.count <= this.#limit) return "allow";
    return window.count === this.#limit + 1 ? "warn" : "drop";
  }

  #evictExpired(now: number): void {
    for (const [sender, window] of this.#windows) if (now - window.start >= WINDOW_MS) this.#windows.delete(sender);
    // Still full of live windows: forget the oldest rather than grow without bound.
    if (this.#windows.size >= MAX_TRACKED) this.#windows.delete(this.#windows.keys().next().value!);
  }
}
