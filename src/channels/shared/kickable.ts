/**
 * Runs a "drain the queue" task on demand (`kick`), on a timer, and never twice at once: a kick
 * during a run makes it run once more afterwards, so nothing stored in between is missed.
 */
import type { Logger } from "../../logger.js";
import { errorSummary } from "../../logger.js";

export interface Kickable {
  kick(): void;
  /** Resolves when no run is active or pending. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export function kickable(drain: () => Promise<void>, opts: { intervalMs: number; logger: Logger; what: string }): Kickable {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: unknown) =>
        opts.logger.error({ err: errorSummary(err) }, `${opts.what} unavailable`),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  const timer = setInterval(kick, opts.intervalMs);
  timer.unref();

  return {
    kick,
    async settled() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
