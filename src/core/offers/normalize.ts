/**
 * Turns an offer into canonical words the rules can match, while remembering where each word came from
 * so a rule's evidence is quoted from the offer as written.
 *
 * Canonical form: lower case, fancy Unicode letters folded (NFKC, "𝐋𝐎𝐊𝐄𝐑" → "loker"), diacritics and
 * stretched letters removed ("gratisss"), reduplication spelled out ("hati2"), numbers split from units
 * ("20jt" → "20 juta"), chat slang mapped through the shared lexicon plus the offer lexicon, then typos
 * corrected against the words the rules know (edit distance, so "pengalamn" still reads "pengalaman").
 * Sentence ends become a "." word and clause breaks (commas, brackets, dashes) a "," word, so rules never
 * match across sentences and gaps in a rule never run past a comma. A short gloss in brackets stays in its
 * clause ("visa (tourist)", "C-3 (kunjungan)"), and a route written with arrows reads "ke"
 * ("Jakarta → Singapore → Osaka" as "jakarta ke singapura ke osaka"), a "+" between words "plus".
 */
import { distance } from "fastest-levenshtein";
import { LEXICON } from "../text/lexicon.js";
import { OFFER_LEXICON } from "./lexicon.js";

export interface NormalizedText {
  readonly original: string;
  /** Canonical words joined by single spaces; "." marks a sentence break. */
  readonly text: string;
  /** Per canonical word: start offset in `text`. */
  readonly starts: readonly number[];
  /** Canonical words, including the "." (sentence) and "," (clause) marks. */
  readonly words: readonly string[];
  /** Per canonical word: the span of the original text it came from. */
  readonly spans: readonly (readonly [number, number])[];
}

const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;
const SENTENCE_GAP = /[!?;\n\r•|]|\.(?:\s|$)|\p{Extended_Pictographic}/u;
const CLAUSE_GAP = /[,()[\]]|\s[-–]\s/;
const ARROW = /[→➡⇒➔➜]|->|=>/;
/** "USD 1,000 + accommodation": a plus between words reads "plus" (phone numbers are read from the raw text). */
const PLUS = /\s\+\s?|\s?\+\s/;
/** A bracket holding at most two words and no punctuation: a gloss of the word before it. */
const SHORT_GLOSS = /^\(\s*[\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+)?\s*\)/u;
/** A dot after these words ends an abbreviation, not a sentence. */
const ABBREVIATIONS = new Set([
  "rp", "jl", "jln", "pt", "p", "t", "kab", "kec", "kel", "no", "dll", "dsb", "dr", "st", "co", "ltd", "inc",
  "tbk", "sdn", "bhd", "mr", "mrs", "ms", "vs", "etc", "min", "max", "th", "thn", "bln", "tgl", "hr", "u", "s", "a", "m",
]);
const SUFFIXES = ["nya", "lah", "pun", "kah", "mu", "ku"];
const NUMBER_UNIT = /^(\d+)([a-z]+)$/;
const REDUPLICATION = /^([a-z]{3,})2$/;

const lexicon: Readonly<Record<string, string>> = { ...LEXICON, ...OFFER_LEXICON };

const CACHE_LIMIT = 50_000;

/**
 * Turns raw tokens into canonical words, correcting unknown words to the nearest word the rules know.
 * Both steps are cached per process: offers repeat the same few hundred words.
 */
export class Speller {
  readonly #vocabulary: ReadonlySet<string>;
  readonly #buckets = new Map<string, string[]>();
  readonly #cache = new Map<string, string>();
  readonly #tokens = new Map<string, readonly string[]>();

  constructor(vocabulary: Iterable<string>) {
    this.#vocabulary = new Set(vocabulary);
    for (const word of this.#vocabulary) {
      if (word.length < 6) continue;
      const key = `${word[0]}${word.length}`;
      const bucket = this.#buckets.get(key) ?? [];
      bucket.push(word);
      this.#buckets.set(key, bucket);
    }
  }

  /** Canonical words for one raw token (usually one, sometimes none or several). */
  canonical(raw: string): readonly string[] {
    let out = this.#tokens.get(raw);
    if (out === undefined) {
      out = canonicalWords(raw, this);
      if (this.#tokens.size > CACHE_LIMIT) this.#tokens.clear();
      this.#tokens.set(raw, out);
    }
    return out;
  }

  correct(word: string): string {
    if (word.length < 6 || this.#vocabulary.has(word) || !/^[a-z]+$/.test(word)) return word;
    let out = this.#cache.get(word);
    if (out === undefined) {
      out = this.#lookup(word);
      if (this.#cache.size > CACHE_LIMIT) this.#cache.clear();
      this.#cache.set(word, out);
    }
    return out;
  }

  #lookup(word: string): string {
    for (const suffix of SUFFIXES) {
      const stem = word.endsWith(suffix) ? word.slice(0, -suffix.length) : "";
      if (stem.length >= 3 && this.#vocabulary.has(stem)) return stem;
    }
    // Short words tolerate one typo, longer ones two.
    const maxEdits = word.length <= 7 ? 1 : 2;
    let best = word;
    let bestDistance = maxEdits + 1;
    for (let len = word.length - maxEdits; len <= word.length + maxEdits; len++) {
      for (const candidate of this.#buckets.get(`${word[0]}${len}`) ?? []) {
        const d = distance(word, candidate);
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return best;
  }
}

function foldCase(raw: string): string {
  // Most tokens are plain ASCII: skip the Unicode normalisations for them.
  if (/^[\x00-\x7f]*$/.test(raw)) return raw.toLowerCase().replace(/'/g, "").replace(/([a-z])\1{2,}/g, "$1");
  return raw
    .normalize("NFKC")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/(\p{L})\1{2,}/gu, "$1");
}

/** Canonical words for one raw token (usually one, sometimes none or several). */
function canonicalWords(raw: string, speller: Speller): string[] {
  const folded = foldCase(raw);
  if (/^\d[\d.,]*$/.test(folded)) return [folded.replace(/[.,]/g, "")];
  const pieces: string[] = [];
  const unit = NUMBER_UNIT.exec(folded);
  const redup = REDUPLICATION.exec(folded);
  if (unit && lexicon[folded] === undefined) pieces.push(unit[1]!, unit[2]!);
  else if (redup) pieces.push(redup[1]!, redup[1]!);
  else pieces.push(folded);
  const out: string[] = [];
  for (const piece of pieces) {
    const mapped = lexicon[piece];
    if (mapped === undefined) out.push(speller.correct(piece));
    else if (mapped) out.push(...mapped.split(" "));
  }
  return out;
}

export function normalize(original: string, speller: Speller): NormalizedText {
  const words: string[] = [];
  const starts: number[] = [];
  const spans: (readonly [number, number])[] = [];
  let length = 0;
  let prevEnd = 0;
  let prevToken = "";
  let glossEnd = -1;
  const push = (word: string, span: readonly [number, number]) => {
    if (length > 0) length += 1;
    starts.push(length);
    words.push(word);
    spans.push(span);
    length += word.length;
  };
  for (const m of original.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    const gap = original.slice(prevEnd, start);
    const last = words[words.length - 1];
    // The brackets of a short gloss are no clause break: leave them out of the gaps around it.
    const open = gap.lastIndexOf("(");
    if (open >= 0 && SHORT_GLOSS.test(original.slice(prevEnd + open))) glossEnd = original.indexOf(")", prevEnd + open);
    let clauseGap = gap;
    if (prevEnd <= glossEnd && glossEnd < start) clauseGap = gap.slice(glossEnd - prevEnd + 1);
    else if (glossEnd >= start && open >= 0) clauseGap = gap.slice(0, open);
    if (last !== undefined && last !== ".") {
      if (SENTENCE_GAP.test(gap) && !(/^\.\s/.test(gap) && ABBREVIATIONS.has(prevToken.toLowerCase()))) push(".", [prevEnd, prevEnd]);
      else if (ARROW.test(gap)) push("ke", [prevEnd, start]);
      else if (PLUS.test(gap)) push("plus", [prevEnd, start]);
      else if (CLAUSE_GAP.test(clauseGap) && last !== ",") push(",", [prevEnd, prevEnd]);
    }
    for (const word of speller.canonical(m[0])) push(word, [start, end]);
    prevEnd = end;
    prevToken = m[0];
  }
  return { original, text: words.join(" "), starts, words, spans };
}

/** Index of the canonical word that contains offset `pos` of the canonical text. */
export function wordAt(n: NormalizedText, pos: number): number {
  let lo = 0;
  let hi = n.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (n.starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The original text behind canonical words [first, last], whitespace collapsed. */
export function originalSpan(n: NormalizedText, first: number, last: number): string {
  const start = n.spans[first]![0];
  const end = n.spans[last]![1];
  return n.original.slice(start, end).replace(/\s+/g, " ").trim();
}
