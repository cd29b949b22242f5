/**
 * `lentera purge --older-than 180d`: registration only; the implementation (src/cli/handlers/purge.ts)
 * loads when the command runs.
 */
import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("purge")
    .description("delete closed tips, processed queue items and idle sessions older than the retention period")
    .option("--older-than <duration>", "e.g. 180d, 12h (default: LENTERA_RETENTION_DAYS)")
    .action(async (opts: { olderThan?: string }) => (await import("../handlers/purge.js")).purge(opts));
}
