/**
 * Typo correction against the knowledge base's own vocabulary: a question word the documents never use
 * is replaced by the closest word they do use (edit distance 1, or 2 for long words). Candidates are
 * bucketed by first letter so a lookup compares against a few dozen words, not the whole vocabulary.
 */
import { distance } from "fastest-levenshtein";
import { isStopword, stemsOf } from "./tokenize.js";

/** Shorter words are too often a different real word ("adik" is not a typo of "admin"). */
const MIN_LENGTH = 6;

/** Nasal prefixes of Jakarta chat verbs and the formal prefix they stand for ("nempatin" → "menempatkan"). */
const NASAL_PREFIXES: readonly (readonly [string, string])[] = [["ng", "meng"], ["ny", "meny"], ["n", "men"], ["m", "mem"]];

/**
 * Formal forms a colloquial "-in" verb may stand for: "-in" is "-kan" or "-i" ("bayarin" → "bayarkan",
 * "nempatin" → "menempatkan", "dikirimin" → "dikirimi"), and a bare nasal prefix is "me-".
 */
function colloquialForms(word: string): string[] {
  if (!word.endsWith("in")) return [];
  const core = word.slice(0, -2);
  const cores = [core, ...NASAL_PREFIXES.filter(([p]) => core.startsWith(p)).map(([p, formal]) => formal + core.slice(p.length))];
  return cores.flatMap((c) => [`${c}kan`, `${c}i`]);
}

export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private readonly stems = new Set<string>();
  private readonly buckets = new Map<string, string[]>();
  private readonly cache = new Map<string, string>();

  constructor(words: Iterable<string>) {
    for (const w of words) this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
    for (const w of [...this.counts.keys()].sort()) {
      for (const s of stemsOf(w)) this.stems.add(s);
      if (w.length < MIN_LENGTH - 1 || /\d/.test(w) || isStopword(w)) continue;
      const key = w[0]!;
      const bucket = this.buckets.get(key) ?? [];
      bucket.push(w);
      this.buckets.set(key, bucket);
    }
  }

  has(word: string): boolean {
    return this.counts.has(word) || stemsOf(word).some((s) => this.stems.has(s));
  }

  /** The word itself when known (or too short / numeric to judge), else its closest known neighbour, else itself. */
  correct(word: string): string {
    if (word.length < MIN_LENGTH || /\d/.test(word) || isStopword(word) || this.has(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const formal = colloquialForms(word).find((w) => this.has(w));
    if (formal) {
      this.cache.set(word, formal);
      return formal;
    }
    const maxDistance = word.length >= 9 ? 2 : 1;
    let best = word;
    let bestDistance = Number.POSITIVE_INFINITY;
    let bestCount = 0;
    for (const candidate of this.buckets.get(word[0]!) ?? []) {
      if (Math.abs(candidate.length - word.length) > maxDistance) continue;
      const d = distance(word, candidate);
      if (d > maxDistance) continue;
      const count = this.counts.get(candidate)!;
      if (d < bestDistance || (d === bestDistance && count > bestCount)) {
        best = candidate;
        bestDistance = d;
        bestCount = count;
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }
}
