/**
 * A background loop over a durable queue: runs `round` again at once while it reports more work,
 * otherwise sleeps `idleMs` or until `kick()` (new work known in this process).
 */
import type { Logger } from "../../logger.js";
import { describeError } from "./errors.js";

export interface PollLoop {
  /** Run a round as soon as possible (after the current one, if one is running). */
  kick(): void;
  stop(): Promise<void>;
}

export function startPollLoop(name: string, round: () => Promise<boolean>, opts: { idleMs: number; logger: Logger }): PollLoop {
  let stopped = false;
  let kicked = false;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  const loop = (async () => {
    while (!stopped) {
      kicked = false;
      let more = false;
      try {
        more = await round();
      } catch (error) {
        opts.logger.error({ loop: name, err: describeError(error) }, "background round failed");
      }
      if (stopped) break;
      if (more || kicked) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, opts.idleMs);
      });
      clearTimeout(timer);
    }
  })();

  return {
    kick() {
      kicked = true;
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
