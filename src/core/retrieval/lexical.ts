/**
 * Lexical (BM25) scoring with MiniSearch over the same canonical stems the embedding uses.
 * Headings are the questions a section answers, so they weigh more than the body. Synonyms of the
 * question's words are searched too, at a lower weight than the words themselves.
 */
import MiniSearch from "minisearch";
import type { Passage } from "../knowledge/types.js";
import { matchingStems } from "../text/synonyms.js";
import { isStopword, normalizeWords, stemsOf } from "../text/tokenize.js";

const SYNONYM_BOOST = 0.4;

/** Field weights relative to the body text. */
export interface LexicalBoosts { heading: number; title: number }

export class LexicalIndex {
  private readonly index: MiniSearch<Passage>;

  constructor(passages: readonly Passage[], private readonly boosts: LexicalBoosts) {
    this.index = new MiniSearch<Passage>({
      idField: "id",
      fields: ["heading", "text", "title"],
      tokenize: (text) => normalizeWords(text),
      processTerm: (term) => [...stemsOf(term)],
    });
    this.index.addAll(passages);
  }

  /** BM25 scores of the `limit` best passages for a question already reduced to canonical content words. */
  scores(words: readonly string[], limit: number): Map<string, number> {
    const out = new Map<string, number>();
    if (words.length === 0) return out;
    const own = new Set(words.flatMap((w) => stemsOf(w)));
    const results = this.index.search(words.join(" "), {
      boost: { heading: this.boosts.heading, text: 1, title: this.boosts.title },
      processTerm: (term) => (isStopword(term) ? null : [...matchingStems(term)]),
      boostTerm: (term) => (own.has(term) ? 1 : SYNONYM_BOOST),
    });
    // MiniSearch returns results sorted by score.
    for (const r of results.slice(0, limit)) out.set(String(r.id), r.score);
    return out;
  }
}
