/**
 * `lentera eval-questions`: registration only; the implementation (src/cli/handlers/eval-questions.ts)
 * loads when the command runs.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const DEFAULT_QUESTIONS = path.resolve(repoRoot, "../shared/eval/dev-questions.jsonl");

export function register(program: Command): void {
  program
    .command("eval-questions")
    .description("score grounded Q&A on the dev question set, next to a plain BM25 baseline")
    .option("--file <path>", "questions in the shared eval JSONL format", DEFAULT_QUESTIONS)
    .option("--json", "print the scores as JSON")
    .option("--verbose", "list the questions that failed")
    .action(async (opts: { file: string; json?: boolean; verbose?: boolean }) =>
      (await import("../handlers/eval-questions.js")).evalQuestions(opts),
    );
}
