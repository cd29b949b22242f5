/**
 * `lentera check-offer`: registration only; the implementation (src/cli/handlers/check-offer.ts)
 * loads when the command runs.
 */
import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("check-offer")
    .description("check a job offer read from stdin for red flags (or a JSONL batch with --jsonl)")
    .option("--json", "print the check as JSON")
    .option("--jsonl", 'read {"id","text"} lines from stdin, print one JSON check per line')
    .option("--lang <lang>", "explain in this language (id or en) instead of the offer's")
    .option("--no-registry", "do not look companies up in the licensed-agency registry")
    .action(async (raw: unknown) => (await import("../handlers/check-offer.js")).checkOffer(raw));
}
