import { cp, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KnowledgeError, loadKnowledge } from "../src/core/knowledge/load.js";
import { MAX_PASSAGE_CHARS } from "../src/core/knowledge/split.js";
import { createQaService } from "../src/core/qa/index.js";
import { FIXTURE_KNOWLEDGE, tempDir, testConfig } from "./fixtures/qa.js";

async function copyFixture(): Promise<string> {
  const dir = path.join(await tempDir(), "knowledge");
  await cp(FIXTURE_KNOWLEDGE, dir, { recursive: true });
  return dir;
}

describe("ingesting knowledge/", () => {
  it("turns every ## section into a passage with its document's metadata and cited source", async () => {
    const kb = await loadKnowledge(FIXTURE_KNOWLEDGE);
    expect(kb.docs.map((d) => d.id)).toEqual(["hotlines-en", "hotlines-id", "work-abroad-en", "work-abroad-id"]);
    const age = kb.passages.find((p) => p.id === "work-abroad-id#berapa-umur-minimal-untuk-jadi-pekerja-migran-pmi");
    expect(age).toMatchObject({
      docId: "work-abroad-id",
      title: "Kerja ke luar negeri lewat jalur resmi",
      heading: "Berapa umur minimal untuk jadi pekerja migran (PMI)?",
      lang: "id",
      topics: ["legal_route", "fees"],
      citation: "UU 18/2017 Pasal 5, fact sheet F-11.",
      url: "https://example.org/uu-18-2017",
    });
    expect(age!.text).toContain("18 tahun");
    expect(age!.text).not.toContain("Sumber:");
    // The immigration section cites F-41, so it links to the source that carries that fact.
    expect(kb.passages.find((p) => p.heading.startsWith("Kenapa keberangkatan"))!.url).toBe("https://example.org/imigrasi");
  });

  it("splits a section longer than the limit into parts that keep heading and source", async () => {
    const kb = await loadKnowledge(FIXTURE_KNOWLEDGE);
    const parts = kb.passages.filter((p) => p.heading === "Langkah lengkap jalur resmi dari awal sampai berangkat");
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.id)).toEqual(parts.map((_, i) => `work-abroad-id#langkah-lengkap-jalur-resmi-dari-awal-sampai-berangkat-${i + 1}`));
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(p.citation).toContain("UU 18/2017");
    }
  });

  it("rejects a document without valid front matter, naming the file", async () => {
    const dir = await copyFixture();
    await writeFile(path.join(dir, "broken.md"), "---\ntitle: no id\nlanguage: fr\n---\n## Q?\nA.\n");
    await expect(loadKnowledge(dir)).rejects.toThrow(KnowledgeError);
    await expect(loadKnowledge(dir)).rejects.toThrow(/broken\.md/);
  });

  it("builds the index under <dataDir>/index once, reuses it, and rebuilds when knowledge changes", async () => {
    const knowledgeDir = await copyFixture();
    const config = testConfig(await tempDir());
    const first = await createQaService({ config, knowledgeDir });
    expect(first.info.built).toBe(true);
    expect(path.dirname(first.info.indexDir)).toBe(path.join(config.dataDir, "index"));
    expect((await readdir(first.info.indexDir)).sort()).toEqual(["args.json", "docstore.json", "embeddings.json", "hnswlib.index", "manifest.json"]);

    const again = await createQaService({ config, knowledgeDir });
    expect(again.info.built).toBe(false);
    expect(again.info.indexDir).toBe(first.info.indexDir);
    expect((await again.answer("umur minimal PMI berapa?")).answer).toContain("18 tahun");

    await writeFile(
      path.join(knowledgeDir, "hotlines.en.md"),
      (await readFile(path.join(knowledgeDir, "hotlines.en.md"), "utf8")) +
        "\n## Which number do I call for the police?\nCall the police on 110, free of charge, 24 hours a day.\nSource: Polri, fact sheet F-78.\n",
    );
    const changed = await createQaService({ config, knowledgeDir });
    expect(changed.info.built).toBe(true);
    expect(changed.info.indexDir).not.toBe(first.info.indexDir);
    // The stale index is pruned: only the current one remains.
    expect(await readdir(path.join(config.dataDir, "index"))).toEqual([path.basename(changed.info.indexDir)]);
    expect((await changed.answer("What number do I call for the police?")).answer).toContain("110");
  });

  it("builds byte-identical indexes in separate instances (deterministic)", async () => {
    const a = await createQaService({ config: testConfig(await tempDir()), knowledgeDir: FIXTURE_KNOWLEDGE });
    const b = await createQaService({ config: testConfig(await tempDir()), knowledgeDir: FIXTURE_KNOWLEDGE });
    for (const file of ["hnswlib.index", "docstore.json", "embeddings.json", "manifest.json"]) {
      expect(await readFile(path.join(b.info.indexDir, file))).toEqual(await readFile(path.join(a.info.indexDir, file)));
    }
  });

  it("rebuilds on request even when the knowledge is unchanged, reporting progress", async () => {
    const config = testConfig(await tempDir());
    await createQaService({ config, knowledgeDir: FIXTURE_KNOWLEDGE });
    const progress: [number, number][] = [];
    const rebuilt = await createQaService({ config, knowledgeDir: FIXTURE_KNOWLEDGE, rebuild: true, onProgress: (d, t) => progress.push([d, t]) });
    expect(rebuilt.info.built).toBe(true);
    const total = rebuilt.info.knowledge.passages.length;
    expect(progress.at(0)).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
  });
});
