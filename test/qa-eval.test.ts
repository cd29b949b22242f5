import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createQaService } from "../src/core/qa/index.js";
import { loadKnowledge } from "../src/core/knowledge/load.js";
import { answerAll, bm25Baseline, parseQuestions, passes, score } from "../src/core/qa/evaluation.js";
import { FIXTURE_KNOWLEDGE, fixtureQa, REPO_ROOT, tempDir, testConfig } from "./fixtures/qa.js";

const QUESTIONS = parseQuestions(
  [
    { id: "a", lang: "id", question: "gan umur brp boleh jd TKI?", must_include_any: [["18 tahun", "18 years"]] },
    { id: "b", lang: "en", question: "the agency wants a deposit before I leave, is that allowed?", must_include_any: [["Article 30", "Pasal 30"], ["zero cost"]] },
    { id: "c", lang: "id", question: "resep rendang padang yg enak gimana?", must_include_any: [], expect_refusal: true },
    { id: "d", lang: "en", question: "Who won the world cup in 2022?", must_include_any: [], expect_refusal: true },
  ]
    .map((q) => JSON.stringify(q))
    .join("\n"),
);

describe("scoring questions (shared eval rules)", () => {
  it("needs one string of every group, case-insensitively, in a non-refused answer of at most 1,200 characters", () => {
    const q = QUESTIONS[1]!;
    expect(passes(q, { answer: "see ARTICLE 30: Zero Cost applies", refused: false, sources: 1 })).toBe(true);
    expect(passes(q, { answer: "see Article 30", refused: false, sources: 1 })).toBe(false);
    expect(passes(q, { answer: "Article 30, zero cost", refused: true, sources: 0 })).toBe(false);
    expect(passes(q, { answer: `Article 30, zero cost ${"x".repeat(1_200)}`, refused: false, sources: 1 })).toBe(false);
    expect(passes(QUESTIONS[2]!, { answer: "sorry", refused: true, sources: 0 })).toBe(true);
    expect(passes(QUESTIONS[2]!, { answer: "rendang", refused: false, sources: 1 })).toBe(false);
  });

  it("rejects malformed question files with the line number", () => {
    expect(() => parseQuestions('{"id":"x","question":"q"}\n{"question":1}')).toThrow(/line 2/);
  });

  it("scores the engine above the plain BM25 baseline on the same documents", async () => {
    const qa = await fixtureQa();
    const ours = score(QUESTIONS, await answerAll(qa, QUESTIONS));
    const baselineAnswer = bm25Baseline((await loadKnowledge(FIXTURE_KNOWLEDGE)).passages);
    const baseline = score(QUESTIONS, QUESTIONS.map((q) => baselineAnswer(q.question)));
    expect(ours).toEqual({ inScope: { passed: 2, total: 2 }, outOfScope: { refused: 2, total: 2 }, withSource: 2, failed: [] });
    // Plain BM25 answers whatever shares a word with some passage, so it refuses almost nothing.
    expect(baseline.outOfScope.refused).toBeLessThan(2);
  });
});

/**
 * Our own question sets on the real knowledge base. qa-probe.jsonl was written from the fact sheet, one or
 * more questions per fact group the dev set does not ask about, before the retrieval fixes it led to
 * (baseline 63/72 in scope); the figures below are what the engine reaches now.
 */
describe("answering our own question sets from the real knowledge base", () => {
  it.each([
    ["qa-paraphrases.jsonl", { passed: 40, total: 40 }, { refused: 8, total: 8 }],
    ["qa-hard.jsonl", { passed: 30, total: 30 }, { refused: 6, total: 10 }],
    ["qa-probe.jsonl", { passed: 72, total: 72 }, { refused: 12, total: 12 }],
  ] as const)("%s: at least the recorded in-scope passes and refusals, every answer sourced", async (file, inScope, outOfScope) => {
    const questions = parseQuestions(await readFile(path.join(REPO_ROOT, "test/fixtures", file), "utf8"));
    const qa = await createQaService({ config: testConfig(await tempDir()) });
    const s = score(questions, await answerAll(qa, questions));
    expect(s.inScope.total).toBe(inScope.total);
    expect(s.inScope.passed, `failed: ${s.failed.join(", ")}`).toBeGreaterThanOrEqual(inScope.passed);
    expect(s.outOfScope.total).toBe(outOfScope.total);
    expect(s.outOfScope.refused, `failed: ${s.failed.join(", ")}`).toBeGreaterThanOrEqual(outOfScope.refused);
    expect(s.withSource).toBe(s.inScope.passed);
  });
});
