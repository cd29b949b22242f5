/**
 * Runs the overdue sweep (TipService.sweepOverdue) on a timer. `lentera start` runs one per process
 * whichever channels are configured, so tips are marked overdue (audit entry + "overdue" event)
 * even without Slack. Every instance of a multi-instance deployment may run it: the sweep claims
 * rows FOR UPDATE SKIP LOCKED and marks each tip once (overdue_notified_at).
 */
import type { LenteraTipService } from "./service.js";
import { errorSummary, type Logger } from "../../logger.js";

export interface RunningSweeper {
  /** Stops the timer and waits for a sweep in progress, so the database can be closed after it. */
  stop(): Promise<void>;
}

export function startOverdueSweeper(
  tips: Pick<LenteraTipService, "sweepOverdue">,
  opts: { intervalMs: number; logger: Logger },
): RunningSweeper {
  let running: Promise<void> | undefined;
  const sweep = () => {
    // A slow database must not pile sweeps up: the next tick is skipped while one runs.
    running ??= tips
      .sweepOverdue()
      .then(() => undefined)
      .catch((err: unknown) => opts.logger.error({ err: errorSummary(err) }, "overdue sweep failed"))
      .finally(() => (running = undefined));
  };
  sweep();
  const timer = setInterval(sweep, opts.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
