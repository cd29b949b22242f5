/**
 * `lentera ingest`: registration only; the implementation (src/cli/handlers/ingest.ts) loads when
 * the command runs.
 */
import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("ingest")
    .description("rebuild the retrieval index from knowledge/ (done automatically when knowledge changes)")
    .option("--json", "print the summary as JSON")
    .action(async (opts: { json?: boolean }) => (await import("../handlers/ingest.js")).ingest(opts));
}
