import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { texts } from "../src/i18n/index.js";
import { MAX_ANSWER_CHARS } from "../src/core/qa/compose.js";
import { fixtureQa, REPO_ROOT } from "./fixtures/qa.js";

describe("refusing politely", () => {
  it.each([
    ["Cuaca Jakarta besok hujan ga?", "id"],
    ["resep rendang padang yg enak gimana?", "id"],
    ["Write me a poem about the sea.", "en"],
    ["What's the best crypto coin to buy right now?", "en"],
  ] as const)("refuses off-topic %s, saying what it can help with and how to reach a person", async (question, lang) => {
    const qa = await fixtureQa();
    const a = await qa.answer(question);
    expect(a).toMatchObject({ lang, refused: true, danger: false, sources: [] });
    expect([texts(lang).qa.outOfScope, texts(lang).qa.unsure]).toContain(a.answer);
    expect(a.answer).toContain("0800-1000");
    expect(a.confidence).toBeLessThan(0.3);
  });

  it("gives every kind of bad input a sensible reply instead of crashing", async () => {
    const qa = await fixtureQa();
    const inputs = [
      "",
      "   \n\t ",
      "😀🙏😭🔥",
      "\u0000\u0001\u0002\uFFFD\uD800binary\u0007",
      Buffer.from(Array.from({ length: 2_000 }, (_, i) => (i * 37) % 256)).toString("latin1"),
      "umur minimal PMI? ".repeat(6_000), // about 100 kB
      "x".repeat(100_000),
      "пожалуйста 请问 umur minimal PMI berapa? مرحبا",
    ];
    for (const input of inputs) {
      const a = await qa.answer(input);
      expect(a.answer.length).toBeGreaterThan(0);
      expect(a.answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
      expect(["id", "en"]).toContain(a.lang);
      expect(a.confidence).toBeGreaterThanOrEqual(0);
    }
    expect((await qa.answer("")).answer).toBe(texts("id").qa.unreadable);
    expect((await qa.answer("😀🙏😭🔥")).refused).toBe(true);
    // Real questions inside noisy or oversized messages are still answered.
    expect((await qa.answer("umur minimal PMI? ".repeat(6_000))).answer).toContain("18 tahun");
    expect((await qa.answer("пожалуйста 请问 umur minimal PMI berapa? مرحبا")).answer).toContain("18 tahun");
  });

  it("only gives contact numbers that the knowledge base itself states", async () => {
    const dir = path.join(REPO_ROOT, "knowledge");
    const files = (await readdir(dir)).filter((f) => f.endsWith(".md"));
    const knowledge = (await Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")))).join("\n");
    const digits = (s: string) => s.replace(/\D/g, "");
    const knownNumbers = new Set((knowledge.match(/\+?\d[\d\s-]{1,16}\d/g) ?? []).map(digits));
    for (const lang of ["id", "en"] as const) {
      const t = texts(lang).qa;
      for (const text of [t.outOfScope, t.unsure, t.danger, t.dangerReport]) {
        for (const number of text.match(/\+?\d[\d\s-]{1,16}\d/g) ?? []) expect(knownNumbers, `${lang}: ${number}`).toContain(digits(number));
      }
    }
  });
});
