/**
 * `lentera ask`: one question from the command line, or a batch of `{"id","question"}` lines on stdin
 * (`--jsonl`, one answer object per line, in order, with the index loaded once). JSON goes to stdout only.
 */
import { createInterface } from "node:readline";
import { z } from "zod";
import { ConfigError, loadConfig } from "../../config.js";
import { langSchema } from "../../core/messages.js";
import type { Answer, QaService } from "../../core/ports.js";
import { createQaService } from "../../core/qa/index.js";
import { createLogger } from "../../logger.js";

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

async function answerLines(qa: QaService, lang: z.infer<typeof langSchema> | undefined): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let parsed: z.infer<typeof batchLine> | undefined;
    try {
      const result = batchLine.safeParse(JSON.parse(line));
      if (result.success) parsed = result.data;
    } catch {
      // reported below, keeping one output line per input line
    }
    const out = parsed
      ? { id: parsed.id, ...answerJson(await qa.answer(parsed.question, { lang })) }
      : { id: null, error: 'each line must be a JSON object {"id": ..., "question": "..."}' };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
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
  if (opts.jsonl) return answerLines(qa, opts.lang);
  const answer = await qa.answer(question, { lang: opts.lang });
  process.stdout.write(opts.json ? `${JSON.stringify(answerJson(answer))}\n` : `${answer.answer}\n`);
}
