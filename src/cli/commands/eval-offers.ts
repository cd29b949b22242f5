/**
 * `lentera eval-offers`: registration only; the implementation (src/cli/handlers/eval-offers.ts)
 * loads when the command runs.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const DEFAULT_OFFERS = path.resolve(repoRoot, "../shared/eval/dev-offers.jsonl");

export function register(program: Command): void {
  program
    .command("eval-offers")
    .description("score the job-offer checker on the dev offer set, next to a naive keyword baseline")
    .option("--file <path>", "offers in the shared eval JSONL format", DEFAULT_OFFERS)
    .option("--json", "print the scores as JSON")
    .option("--verbose", "list the offers that were rated wrong")
    .action(async (opts: { file: string; json?: boolean; verbose?: boolean }) => (await import("../handlers/eval-offers.js")).evalOffers(opts));
}
