/**
 * Scoring of question sets in the shared eval format (see shared/eval/README.md): an in-scope question
 * passes when the answer is not a refusal, contains one string of every `must_include_any` group
 * (case-insensitive) and is at most 1,200 characters; an out-of-scope question passes when refused.
 * The baseline is plain BM25 (MiniSearch defaults: no normalisation, stemming or synonyms) over the same
 * passages, answering with the top passage and refusing only when nothing matches.
 */
import MiniSearch from "minisearch";
import { z } from "zod";
import type { Passage } from "../knowledge/types.js";
import { langSchema } from "../messages.js";
import type { QaService } from "../ports.js";
import { MAX_ANSWER_CHARS } from "./compose.js";

export const evalQuestionSchema = z.object({
  id: z.string().min(1),
  lang: langSchema.optional(),
  question: z.string(),
  must_include_any: z.array(z.array(z.string()).min(1)).default([]),
  topic: z.string().optional(),
  expect_refusal: z.boolean().optional(),
});
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

export function parseQuestions(jsonl: string): EvalQuestion[] {
  return jsonl
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((line, i) => {
      const parsed = evalQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
      return parsed.data;
    });
}

export interface Reply { answer: string; refused: boolean; sources: number }

export function passes(q: EvalQuestion, r: Reply): boolean {
  if (q.expect_refusal) return r.refused;
  if (r.refused || r.answer.length > MAX_ANSWER_CHARS) return false;
  const answer = r.answer.toLowerCase();
  return q.must_include_any.every((group) => group.some((s) => answer.includes(s.toLowerCase())));
}

export interface Score {
  inScope: { passed: number; total: number };
  outOfScope: { refused: number; total: number };
  withSource: number;
  failed: string[];
}

export function score(questions: readonly EvalQuestion[], replies: readonly Reply[]): Score {
  const s: Score = { inScope: { passed: 0, total: 0 }, outOfScope: { refused: 0, total: 0 }, withSource: 0, failed: [] };
  questions.forEach((q, i) => {
    const r = replies[i]!;
    const ok = passes(q, r);
    if (!ok) s.failed.push(q.id);
    if (q.expect_refusal) {
      s.outOfScope.total++;
      if (ok) s.outOfScope.refused++;
    } else {
      s.inScope.total++;
      if (ok) s.inScope.passed++;
      if (!r.refused && r.sources > 0) s.withSource++;
    }
  });
  return s;
}

export async function answerAll(qa: QaService, questions: readonly EvalQuestion[]): Promise<Reply[]> {
  const out: Reply[] = [];
  for (const q of questions) {
    const a = await qa.answer(q.question);
    out.push({ answer: a.answer, refused: a.refused, sources: a.sources.length });
  }
  return out;
}

/** Plain BM25 baseline over the same passages. */
export function bm25Baseline(passages: readonly Passage[]): (question: string) => Reply {
  const index = new MiniSearch<Passage>({ idField: "id", fields: ["heading", "text"] });
  index.addAll(passages);
  const byId = new Map(passages.map((p) => [p.id, p]));
  return (question) => {
    const top = index.search(question)[0];
    const p = top && byId.get(String(top.id));
    return p ? { answer: `${p.heading}\n${p.text}`, refused: false, sources: 1 } : { answer: "", refused: true, sources: 0 };
  };
}
