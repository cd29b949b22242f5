/**
 * `lentera ask`: one question from the command line, or a batch of `{"id","question"}` lines on stdin
 * (`--jsonl`, one answer object per line, in order, with the index loaded once). JSON goes to stdout only.
 */
import { z } from "zod";
import { ConfigError, loadConfig } from "../../config.js";
import { langSchema } from "../../core/messages.js";
import type { Answer } from "../../core/ports.js";
import { createQaService } from "../../core/qa/index.js";
import { createLogger } from "../../logger.js";
import { mapJsonLines } from "../jsonl.js";

const askOptions = z.object({
  json: z.boolean().optional(),
  jsonl: z.boolean().optional(),
  lang: langSchema.optional(),
});
const batchLine = z.object({ id: z.union([z.string(), z.number()]), question: z.string() });

/** The public JSON contract: exactly these fields, in this order. */
export function answerJson(a: Answer): Record<string, unknown> {
  return { answer: a.answer, lang: a.lang, sources: a.sources, confidence: a.confidence, refused: a.refused, danger: a.danger };
}

export async function ask(words: string[], raw: unknown): Promise<void> {
  const parsed = askOptions.safeParse(raw);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  const opts = parsed.data;
  const question = words.join(" ");
  if (!opts.jsonl && !question.trim()) throw new ConfigError('give a question, e.g. lentera ask "syarat kerja ke Korea?", or use --jsonl');
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn");
  const qa = await createQaService({ config, logger });
  if (opts.jsonl) {
    return mapJsonLines(batchLine, '{"id": ..., "question": "..."}', async (l) => answerJson(await qa.answer(l.question, { lang: opts.lang })));
  }
  const answer = await qa.answer(question, { lang: opts.lang });
  process.stdout.write(opts.json ? `${JSON.stringify(answerJson(answer))}\n` : `${answer.answer}\n`);
}
