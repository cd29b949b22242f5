/**
 * Weight-free local embedding (tech-scan §2): signed feature hashing of canonical word stems,
 * character 3–5-grams (robust to typos and informal spelling) and stem bigrams; sublinear term
 * frequency, IDF fitted on the knowledge base per hash bucket, L2-normalised. Nothing is downloaded.
 * The fitted IDF is part of the index and is persisted next to it.
 */
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { isStopword, normalizeWords, stemsOf } from "../text/tokenize.js";

export interface HashEmbeddingsState {
  dim: number;
  minN: number;
  maxN: number;
  /** Weights of the three feature kinds. */
  wordWeight: number;
  charWeight: number;
  bigramWeight: number;
  idf?: number[];
}

const DEFAULTS: HashEmbeddingsState = { dim: 2048, minN: 3, maxN: 5, wordWeight: 1, charWeight: 0.25, bigramWeight: 0.5 };

/** FNV-1a: fast, stable across processes and platforms, so indexes built anywhere are identical. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class HashEmbeddings extends Embeddings {
  readonly state: HashEmbeddingsState;
  private idf?: Float32Array;

  constructor(state: Partial<HashEmbeddingsState> = {}, params: EmbeddingsParams = {}) {
    super(params);
    this.state = { ...DEFAULTS, ...state };
    if (state.idf) this.idf = Float32Array.from(state.idf);
  }

  /** Calls `add(bucket, signedWeight)` for every feature of the text. */
  private features(text: string, add: (bucket: number, weight: number) => void): void {
    const { dim, minN, maxN, wordWeight, charWeight, bigramWeight } = this.state;
    const hashed = (feature: string, weight: number) => {
      const h = fnv1a(feature);
      add(h % dim, h & 0x80000000 ? -weight : weight);
    };
    let previous: string | undefined;
    for (const word of normalizeWords(text)) {
      const stems = stemsOf(word);
      for (const s of stems) hashed(`w:${s}`, wordWeight / stems.length);
      if (isStopword(word)) {
        previous = undefined;
        continue;
      }
      const padded = ` ${word} `;
      for (let n = minN; n <= maxN; n++) for (let i = 0; i + n <= padded.length; i++) hashed(`c:${padded.slice(i, i + n)}`, charWeight);
      if (previous) hashed(`b:${previous} ${stems[0]}`, bigramWeight);
      previous = stems[0];
    }
  }

  private termFrequencies(text: string): Float32Array {
    const v = new Float32Array(this.state.dim);
    this.features(text, (bucket, weight) => {
      v[bucket]! += weight;
    });
    return v;
  }

  /** Fits the IDF on the corpus; call before embedding documents for the index. */
  fit(texts: readonly string[]): this {
    const df = new Float32Array(this.state.dim);
    const seen = new Int32Array(this.state.dim).fill(-1);
    texts.forEach((t, doc) =>
      this.features(t, (bucket) => {
        if (seen[bucket] !== doc) {
          seen[bucket] = doc;
          df[bucket]!++;
        }
      }),
    );
    this.idf = df.map((d) => Math.log((1 + texts.length) / (1 + d)) + 1);
    return this;
  }

  embed(text: string): number[] {
    const v = this.termFrequencies(text);
    let norm = 0;
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      const w = x === 0 ? 0 : Math.sign(x) * Math.log1p(Math.abs(x)) * (this.idf ? this.idf[i]! : 1);
      v[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }

  toJSON(): HashEmbeddingsState {
    return { ...this.state, idf: this.idf ? Array.from(this.idf) : undefined };
  }
}
