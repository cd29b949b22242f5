/**
 * `lentera eval-questions`: scores the Q&A engine on the shared dev questions and prints the figures next
 * to a plain BM25 baseline over the same documents, computed in the same run.
 */
import { readFile } from "node:fs/promises";
import { loadConfig } from "../../config.js";
import { createLogger } from "../../logger.js";
import { createQaService } from "../../core/qa/index.js";
import { answerAll, bm25Baseline, parseQuestions, score, type Score } from "../../core/qa/evaluation.js";

const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);

function line(name: string, s: Score): string {
  return (
    `${name.padEnd(14)} in-scope passed ${s.inScope.passed}/${s.inScope.total} (${pct(s.inScope.passed, s.inScope.total)})` +
    ` · out-of-scope refused ${s.outOfScope.refused}/${s.outOfScope.total} (${pct(s.outOfScope.refused, s.outOfScope.total)})` +
    ` · with a source ${s.withSource}/${s.inScope.total} (${pct(s.withSource, s.inScope.total)})`
  );
}

export async function evalQuestions(opts: { file: string; json?: boolean; verbose?: boolean }): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn");
  const questions = parseQuestions(await readFile(opts.file, "utf8"));
  const qa = await createQaService({ config, logger });
  const lentera = score(questions, await answerAll(qa, questions));
  const baselineAnswer = bm25Baseline(qa.info.knowledge.passages);
  const baseline = score(questions, questions.map((q) => baselineAnswer(q.question)));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ file: opts.file, lentera, baseline })}\n`);
    return;
  }
  const out = [
    `Questions: ${opts.file} (${questions.length}), knowledge: ${qa.info.knowledge.docs.length} documents, ${qa.info.knowledge.passages.length} passages`,
    line("Lentera", lentera),
    line("BM25 baseline", baseline),
  ];
  if (opts.verbose) out.push(`Lentera failed: ${lentera.failed.join(", ") || "none"}`);
  process.stdout.write(`${out.join("\n")}\n`);
}
