import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../src/core/knowledge/load.js";
import { HashEmbeddings } from "../src/core/retrieval/hash-embeddings.js";
import { Retriever } from "../src/core/retrieval/retriever.js";
import { Vocabulary } from "../src/core/text/spelling.js";
import { matchingStems } from "../src/core/text/synonyms.js";
import { normalizeWords, stemsOf } from "../src/core/text/tokenize.js";
import { FIXTURE_KNOWLEDGE, tempDir, testConfig } from "./fixtures/qa.js";

async function fixtureRetriever() {
  const kb = await loadKnowledge(FIXTURE_KNOWLEDGE);
  const config = testConfig(await tempDir());
  return Retriever.open({ passages: kb.passages, knowledgeHash: kb.hash, config, dataDir: config.dataDir });
}

describe("normalisation of chat Indonesian", () => {
  it("expands slang and abbreviations, maps TKI to PMI and country variants, drops forms of address", () => {
    expect(normalizeWords("gmn cara kerja di cambodia kak? brp biayanya, yg resmi ga?")).toEqual(
      ["bagaimana", "cara", "kerja", "di", "kamboja", "berapa", "biayanya", "yang", "resmi", "tidak"],
    );
    expect(normalizeWords("Loker TKI ke LN")).toEqual(["lowongan", "kerja", "pmi", "ke", "luar", "negeri"]);
  });

  it("spells out reduplication and collapses stretched letters", () => {
    expect(normalizeWords("PT abal2, tolonggggg")).toEqual(["pt", "abal", "abal", "tolong"]);
  });

  it("stems Indonesian and English forms to shared stems", () => {
    const shared = (a: string, b: string) => stemsOf(a).some((s) => stemsOf(b).includes(s));
    expect(shared("keberangkatan", "berangkat")).toBe(true);
    expect(shared("pelaporan", "melapor")).toBe(true);
    expect(shared("licensed", "license")).toBe(true);
    expect(stemsOf("charged")).toContain("charg");
    expect(stemsOf("kp2mi")).toEqual(["kp2mi"]);
  });

  it("gives words ending in -ku/-mu and words with stacked prefixes the stem of their other forms", () => {
    const shared = (a: string, b: string) => stemsOf(a).some((s) => stemsOf(b).includes(s));
    expect(shared("berlaku", "berlakunya")).toBe(true);
    expect(shared("bertemu", "ditemui")).toBe(true);
    expect(shared("pengalaman", "berpengalaman")).toBe(true);
  });

  it("reads colloquial -in verbs as the formal word the documents use", () => {
    const v = new Vocabulary(normalizeWords("menempatkan pekerja migran, dibayarkan oleh majikan"));
    expect(v.correct("nempatin")).toBe("menempatkan");
    expect(v.correct("dibayarin")).toBe("dibayarkan");
    expect(normalizeWords("dpt kerjaan sendiri")).toEqual(["dapat", "pekerjaan", "sendiri"]);
  });

  it("lets a word match its synonyms across languages", () => {
    expect(matchingStems("sanksi")).toEqual(expect.arrayContaining([...stemsOf("pidana")]));
    expect(matchingStems("fee")).toEqual(expect.arrayContaining([...stemsOf("biaya")]));
  });

  it("corrects typos against the knowledge vocabulary, but leaves short and unknown words alone", () => {
    const v = new Vocabulary(["keberangkatan", "penempatan", "paspor", "imigrasi", "admin"]);
    expect(v.correct("keberangktan")).toBe("keberangkatan");
    expect(v.correct("penempatn")).toBe("penempatan");
    expect(v.correct("imigrsi")).toBe("imigrasi");
    expect(v.correct("adik")).toBe("adik");
    expect(v.correct("rendang")).toBe("rendang");
  });
});

describe("hash embeddings", () => {
  it("are deterministic and unit length", () => {
    const e = new HashEmbeddings({ dim: 256 }).fit(["biaya penempatan", "visa kerja"]);
    const a = e.embed("biaya penempatan PMI");
    expect(a).toEqual(new HashEmbeddings(e.toJSON()).embed("biaya penempatan PMI"));
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
  });

  it("place a misspelt query close to the correctly spelt text", () => {
    const e = new HashEmbeddings();
    const cos = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    const doc = e.embed("keberangkatan ditunda imigrasi");
    expect(cos(e.embed("keberangkatn ditunda imigrsi"), doc)).toBeGreaterThan(cos(e.embed("biaya penempatan gratis"), doc) + 0.3);
  });
});

describe("hybrid retrieval", () => {
  it.each([
    ["gan umur brp boleh jd TKI?", "work-abroad-id#berapa-umur-minimal-untuk-jadi-pekerja-migran-pmi"],
    ["agen minta duit biaya penempatan, boleh ga?", "work-abroad-id#apakah-agen-boleh-menarik-biaya-penempatan-dari-pmi"],
    ["kenapa keberangktan sy ditunda imigrsi?", "work-abroad-id#kenapa-keberangkatan-ditunda-petugas-imigrasi-di-bandara"],
    ["what's the youngest age to work overseas legally", "work-abroad-en#what-is-the-minimum-age-to-become-a-migrant-worker"],
    ["the agency wants a deposit before I leave, is that allowed?", "work-abroad-en#can-a-placement-agency-charge-me-placement-fees"],
    ["nmr pengaduan kp2mi?", "hotlines-id#berapa-nomor-call-center-kp2mi"],
  ])("%s", async (question, expected) => {
    const r = await fixtureRetriever();
    const lang = /^[a-z' ]+[?]?$/.test(question) && /\b(the|what|is)\b/.test(question) ? "en" : "id";
    const { hits } = await r.search(question, { lang, k: 3 });
    expect(hits[0]!.passage.id).toBe(expected);
  });

  it("prefers passages in the language of the question", async () => {
    const r = await fixtureRetriever();
    expect((await r.search("KP2MI call center", { lang: "en" })).hits[0]!.passage.lang).toBe("en");
    expect((await r.search("KP2MI call center", { lang: "id" })).hits[0]!.passage.lang).toBe("id");
  });

  it("reports low coverage for questions the knowledge base does not talk about", async () => {
    const r = await fixtureRetriever();
    const inScope = (await r.search("berapa umur minimal PMI", { lang: "id" })).hits[0]!;
    const offTopic = (await r.search("resep rendang padang yang enak", { lang: "id" })).hits[0];
    expect(inScope.coverage).toBeGreaterThan(0.8);
    expect(offTopic?.coverage ?? 0).toBeLessThan(0.3);
  });

  it("returns nothing for a question without content words", async () => {
    const r = await fixtureRetriever();
    expect((await r.search("apa ya?", { lang: "id" })).hits).toEqual([]);
  });
});
