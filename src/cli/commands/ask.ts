/** `lentera ask`: registration only; the implementation (src/cli/handlers/ask.ts) loads when the command runs. */
import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("ask")
    .description("answer a question from the knowledge base (or a JSONL batch on stdin with --jsonl)")
    .argument("[question...]", "the question")
    .option("--json", "print the answer as JSON")
    .option("--jsonl", 'read {"id","question"} lines from stdin, print one JSON answer per line')
    .option("--lang <lang>", "answer in this language (id or en) instead of detecting it")
    .action(async (words: string[], raw: unknown) => (await import("../handlers/ask.js")).ask(words, raw));
}
