import { describe, expect, it } from "vitest";
import { MAX_ANSWER_CHARS, sentences } from "../src/core/qa/compose.js";
import { questionKind, statesKind } from "../src/core/qa/question-kind.js";
import { fixtureQa } from "./fixtures/qa.js";

describe("grounded extractive answers", () => {
  it("answers informal Indonesian in Indonesian with the key fact and names its source", async () => {
    const qa = await fixtureQa();
    const a = await qa.answer("kak umur brp boleh daftar jd TKI?");
    expect(a).toMatchObject({ lang: "id", refused: false, danger: false });
    expect(a.answer).toContain("18 tahun");
    expect(a.answer).toContain("Sumber: Kerja ke luar negeri lewat jalur resmi");
    expect(a.sources[0]).toEqual({
      id: "work-abroad-id#berapa-umur-minimal-untuk-jadi-pekerja-migran-pmi",
      title: "Kerja ke luar negeri lewat jalur resmi",
      url: "https://example.org/uu-18-2017",
    });
    expect(a.confidence).toBeGreaterThan(0.5);
    expect(a.confidence).toBeLessThanOrEqual(1);
  });

  it("answers English in English from the English document", async () => {
    const qa = await fixtureQa();
    const a = await qa.answer("Can an agency make me pay placement fees?");
    expect(a.lang).toBe("en");
    expect(a.refused).toBe(false);
    expect(a.answer).toContain("Article 30");
    expect(a.answer).toContain("Source: Working abroad through the legal route");
    expect(a.sources.every((s) => s.id.startsWith("work-abroad-en#"))).toBe(true);
  });

  it("follows an explicit language choice over detection", async () => {
    const qa = await fixtureQa();
    const a = await qa.answer("KP2MI call center", { lang: "en" });
    expect(a.lang).toBe("en");
    expect(a.answer).toContain("toll-free");
  });

  it("keeps answers within the phone-size limit, quoting the section without its internal fact numbers", async () => {
    const qa = await fixtureQa();
    const a = await qa.answer("langkah lengkap jalur resmi dari awal sampai berangkat, dokumen apa saja?");
    expect(a.refused).toBe(false);
    expect(a.answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(a.answer).not.toMatch(/fact sheet|F-\d+/);
  });

  it("adds a relevant sentence from a close runner-up section, citing both", async () => {
    const qa = await fixtureQa();
    const a = await qa.answer("biaya penempatan dan umur minimal PMI menurut UU 18/2017?");
    expect(a.sources.length).toBe(2);
    expect(a.answer).toContain("18 tahun");
    expect(a.answer).toContain("Pasal 30");
  });

  it("does not cut a sentence at an abbreviation such as a regulation's \"No.\"", () => {
    expect(sentences("Peraturan BP2MI No. 9 Tahun 2020 membebaskan 10 jabatan. Berlakunya 15 Juli 2021.")).toEqual([
      "Peraturan BP2MI No. 9 Tahun 2020 membebaskan 10 jabatan.",
      "Berlakunya 15 Juli 2021.",
    ]);
  });

  it("recognises questions asking for a date or a number, and sentences stating one (not a law's year)", () => {
    expect(questionKind("aturan itu mulai berlaku kapan gan?")).toBe("date");
    expect(questionKind("bali process berdiri thn brp?")).toBe("date");
    expect(questionKind("dipenjara brp thn?")).toBe("number");
    expect(questionKind("When did the handover take place?")).toBe("date");
    expect(questionKind("apa itu SISKOP2MI?")).toBeUndefined();
    expect(statesKind("Berlakunya ditunda menjadi 15 Juli 2021.", "date")).toBe(true);
    expect(statesKind("Peraturan BP2MI No. 9 Tahun 2020 dan UU 18/2017.", "date")).toBe(false);
  });
});
