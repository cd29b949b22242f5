/**
 * Hybrid retrieval: dense search in the HNSW index fused with BM25 over the same canonical stems, plus
 * how much of the question a passage actually covers (IDF-weighted share of the question's content
 * words found in it). Coverage is what tells an answerable question from an out-of-scope one.
 */
import type { Lang } from "../messages.js";
import type { Passage } from "../knowledge/types.js";
import { Vocabulary } from "../text/spelling.js";
import { matchingStems } from "../text/synonyms.js";
import { contentWords, normalizeWords, stemsOf } from "../text/tokenize.js";
import { LexicalIndex, type LexicalBoosts } from "./lexical.js";
import { openVectorIndex, type OpenIndexOptions, type VectorIndex } from "./index-store.js";

/** Questions are cut to this many characters before analysis: enough for any real question, bounded cost. */
export const MAX_QUERY_CHARS = 1_000;

export interface RetrievalWeights extends LexicalBoosts {
  dense: number;
  lexical: number;
  coverage: number;
  /** Added to passages written in the language of the question. */
  sameLanguage: number;
}
export const DEFAULT_WEIGHTS: RetrievalWeights = { dense: 1, lexical: 0.5, coverage: 0.5, sameLanguage: 0.1, heading: 2, title: 0.5 };

interface QueryTerm {
  stems: readonly string[];
  weight: number;
}

export interface RetrievalHit {
  passage: Passage;
  score: number;
  /** Cosine similarity to the question, 0..1. */
  dense: number;
  /** BM25 relative to the best lexical match, 0..1. */
  lexical: number;
  /** IDF-weighted share of the question's content words found in the passage, 0..1. */
  coverage: number;
}

export interface RetrievalResult {
  hits: RetrievalHit[];
  /** The question's content words after normalisation and spelling correction. */
  words: string[];
}

/** Chat shorthand drops vowels: "brgkt", "lwt", "sdr". */
function isAbbreviation(word: string): boolean {
  const letters = word.replace(/[^a-z]/g, "");
  const vowels = letters.replace(/[^aeiou]/g, "").length;
  return letters.length > 0 && letters.length <= 6 && vowels / letters.length < 0.3;
}

export class Retriever {
  private readonly byId: Map<string, Passage>;
  private readonly stemsById = new Map<string, Set<string>>();
  private readonly df = new Map<string, number>();
  private readonly vocabulary: Vocabulary;
  private readonly lexical: LexicalIndex;

  constructor(
    readonly passages: readonly Passage[],
    private readonly index: VectorIndex,
    private readonly weights: RetrievalWeights = DEFAULT_WEIGHTS,
  ) {
    this.byId = new Map(passages.map((p) => [p.id, p]));
    const allWords: string[] = [];
    for (const p of passages) {
      const words = normalizeWords(`${p.heading} ${p.title} ${p.text}`);
      allWords.push(...words);
      const stems = new Set(words.flatMap((w) => stemsOf(w)));
      this.stemsById.set(p.id, stems);
      for (const s of stems) this.df.set(s, (this.df.get(s) ?? 0) + 1);
    }
    this.vocabulary = new Vocabulary(allWords);
    this.lexical = new LexicalIndex(passages, weights);
    // hnswlib's default ef (10) loses recall; 64 is still well under a millisecond here.
    index.store.index.setEf(64);
  }

  static async open(o: OpenIndexOptions, weights?: RetrievalWeights): Promise<Retriever> {
    return new Retriever(o.passages, await openVectorIndex(o), weights);
  }

  get built(): boolean {
    return this.index.built;
  }

  get indexDir(): string {
    return this.index.dir;
  }

  /**
   * Rarer words say more about what is asked; words the knowledge base never uses weigh the most
   * (they are what marks "cuaca", "rendang", "poem" as off-topic), except unknown vowel-less
   * abbreviations ("lwt", "brgkt"), which are chat shorthand rather than a different topic.
   */
  private idf(word: string): number {
    const n = this.passages.length;
    const df = Math.max(0, ...matchingStems(word).map((s) => this.df.get(s) ?? 0));
    if (df === 0 && isAbbreviation(word)) return 0;
    const weight = Math.log((n + 1) / (df + 0.5));
    return /^\d+$/.test(word) ? weight / 2 : weight;
  }

  /** IDF-weighted share of the question's terms found in a passage. */
  private coverage(terms: readonly QueryTerm[], total: number, passageId: string): number {
    const stems = this.stemsById.get(passageId);
    if (!stems || total <= 0) return 0;
    let found = 0;
    for (const t of terms) if (t.stems.some((s) => stems.has(s))) found += t.weight;
    return found / total;
  }

  async search(question: string, opts: { lang: Lang; k?: number }): Promise<RetrievalResult> {
    const k = opts.k ?? 5;
    const corrected = normalizeWords(question.slice(0, MAX_QUERY_CHARS)).map((w) => this.vocabulary.correct(w));
    const words = contentWords(corrected);
    if (words.length === 0 || this.passages.length === 0) return { hits: [], words };

    const dense = new Map<string, number>();
    const vector = await this.index.embeddings.embedQuery(corrected.join(" "));
    const candidates = Math.min(Math.max(k * 4, 20), this.passages.length);
    const found = await this.index.store.similaritySearchVectorWithScore(vector, candidates);
    for (const [doc, distance] of found) dense.set(String(doc.metadata.id), 1 - distance);

    const lexical = this.lexical.scores(words, candidates);
    const maxLexical = Math.max(0, ...lexical.values());
    const terms = words.map((word) => ({ stems: matchingStems(word), weight: this.idf(word) }));
    const total = terms.reduce((sum, t) => sum + t.weight, 0);
    const w = this.weights;
    const hits: RetrievalHit[] = [];
    for (const id of new Set([...dense.keys(), ...lexical.keys()])) {
      const passage = this.byId.get(id);
      if (!passage) continue;
      const hit = {
        passage,
        dense: dense.get(id) ?? 0,
        lexical: maxLexical > 0 ? (lexical.get(id) ?? 0) / maxLexical : 0,
        coverage: this.coverage(terms, total, id),
      };
      const score = w.dense * hit.dense + w.lexical * hit.lexical + w.coverage * hit.coverage + (passage.lang === opts.lang ? w.sameLanguage : 0);
      hits.push({ ...hit, score });
    }
    hits.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
    return { hits: hits.slice(0, k), words };
  }
}
