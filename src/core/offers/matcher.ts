/**
 * Runs phrase rules over a normalised offer and returns, per rule id, the evidence quoted from the offer.
 * Context decides whether a match counts: a negation before it in its clause ("tanpa biaya") or inside
 * its gap ("tiket tidak ditanggung"), words after it that take it back ("paspor dipegang sendiri"),
 * and warning sentences ("Waspada calo yang minta DP") all drop the match.
 */
import { alternation, compilePattern, type CompiledPattern } from "./patterns.js";
import { originalSpan, wordAt, type NormalizedText } from "./normalize.js";
import { MACROS, NEGATED_OBJECTS, NEGATIONS, WARNING_SENTENCE, type PhraseRule } from "./rules.js";

const LOOKBACK_WORDS = 6;
/** How far after a negation its object may stand ("tidak perlu ke disnaker"). */
const NEGATED_OBJECT_REACH = 3;
const LOOKAHEAD_WORDS = 5;
/** A contrast ends a negation's reach: "tidak ada DP, tapi biaya medical 2 juta" ("but" turns to another matter). */
const CONTRAST: ReadonlySet<string> = new Set(["tapi", "tetapi", "namun", "but", "however", "melainkan"]);
const MAX_EVIDENCE = 5;
const MAX_EVIDENCE_CHARS = 120;

export interface CompiledRule<Id extends string> {
  rule: PhraseRule<Id>;
  patterns: CompiledPattern[];
  /** Per pattern: its literal words (a negation that is one of them does not turn the match around). */
  patternWords: ReadonlySet<string>[];
  negatable: boolean;
  negations: ReadonlySet<string>;
  /** Negations plus the words that turn a match around only inside its gap. */
  gapNegations: ReadonlySet<string>;
  /** A negation followed by its own object ("tanpa pengalaman") does not reach this rule's phrases. */
  objectsTakeNegation: boolean;
  skipWarnings: boolean;
  unlessAfter: RegExp[];
  unlessSentence?: RegExp;
}

/** A pattern as a plain (non-global) test, for context conditions. */
export const compileCondition = (source: string): RegExp => new RegExp(compilePattern(source, MACROS).regex.source);

/** An "unless after" condition: the pattern must start right after the match, or after up to N words ("~N …"). */
function compileAfter(source: string): RegExp {
  const lead = /^~(\d+)\s+/.exec(source);
  const body = compilePattern(lead ? source.slice(lead[0].length) : source, MACROS).regex.source;
  return new RegExp(`^(?:[^ ]+ ){0,${lead ? lead[1] : 0}}${body}`);
}

/**
 * Flags skip warning sentences and read negations narrowly (a flag missed is worse than one shown);
 * legitimate signals count in warnings too ("Waspada calo, daftar hanya di SISKOP2MI") and any negation
 * before them in the clause drops them ("tanpa ujian EPS-TOPIK"). `defaults.unlessAfter` applies to every rule.
 */
export function compileRules<Id extends string>(
  rules: readonly PhraseRule<Id>[],
  defaults: { kind: "flag" | "signal"; unlessAfter?: string },
): CompiledRule<Id>[] {
  return rules.map((rule) => {
    const patterns = rule.patterns.map((p) => compilePattern(p, MACROS));
    const negations = rule.negations ? new Set([...NEGATIONS, ...rule.negations]) : NEGATIONS;
    return {
      rule,
      patterns,
      patternWords: patterns.map((p) => new Set(p.words)),
      negatable: rule.negatable ?? true,
      negations,
      gapNegations: rule.gapNegations ? new Set([...negations, ...rule.gapNegations]) : negations,
      objectsTakeNegation: defaults.kind === "flag",
      skipWarnings: rule.skipWarnings ?? defaults.kind === "flag",
      unlessAfter: [rule.unlessAfter ?? [], defaults.unlessAfter ?? []].flat().map(compileAfter),
      ...(rule.unlessSentence ? { unlessSentence: compileCondition(rule.unlessSentence) } : {}),
    };
  });
}

const WARNING = compileCondition(`(${alternation(WARNING_SENTENCE)})`);

/** Per-offer view of sentences, computed once and shared by every rule. */
export class OfferText {
  readonly #sentenceCache = new Map<number, string>();
  readonly #warningCache = new Map<number, boolean>();
  /** Where each word stands, so a pattern is only tried where one of its first words does. */
  readonly #positions = new Map<string, number[]>();
  constructor(readonly n: NormalizedText) {
    n.words.forEach((w, i) => {
      const list = this.#positions.get(w);
      if (list) list.push(i);
      else this.#positions.set(w, [i]);
    });
  }

  /** Text offsets of every match of `pattern`, found cheaply when its first words are known. */
  *matches(pattern: CompiledPattern): Generator<{ index: number; length: number }> {
    if (!pattern.firstWords) {
      for (const m of this.n.text.matchAll(pattern.regex)) yield { index: m.index, length: m[0].length };
      return;
    }
    const starts: number[] = [];
    for (const w of pattern.firstWords) starts.push(...(this.#positions.get(w) ?? []));
    starts.sort((a, b) => a - b);
    for (const word of starts) {
      pattern.sticky.lastIndex = this.n.starts[word]!;
      const m = pattern.sticky.exec(this.n.text);
      if (m) yield { index: m.index, length: m[0].length };
    }
  }

  /** Index of the first word of the sentence containing word `i`. */
  sentenceStart(i: number): number {
    let k = i;
    while (k > 0 && this.n.words[k - 1] !== ".") k--;
    return k;
  }

  sentence(i: number): string {
    const start = this.sentenceStart(i);
    let text = this.#sentenceCache.get(start);
    if (text === undefined) {
      let end = start;
      while (end < this.n.words.length && this.n.words[end] !== ".") end++;
      text = this.n.words.slice(start, end).join(" ");
      this.#sentenceCache.set(start, text);
    }
    return text;
  }

  isWarning(i: number): boolean {
    const start = this.sentenceStart(i);
    let warning = this.#warningCache.get(start);
    if (warning === undefined) {
      warning = WARNING.test(this.sentence(i));
      this.#warningCache.set(start, warning);
    }
    return warning;
  }

  /** A negation stands before word `first` in its clause and is not already taken by its own object. */
  negatedBefore(first: number, negations: ReadonlySet<string>, objectsTakeNegation = true): boolean {
    for (let k = first - 1; k >= 0 && k >= first - LOOKBACK_WORDS; k--) {
      const w = this.n.words[k]!;
      if (w === "." || w === "," || CONTRAST.has(w)) return false;
      if (negations.has(w) && !(objectsTakeNegation && this.#hasOwnObject(k, first))) return true;
    }
    return false;
  }

  #hasOwnObject(negation: number, before: number): boolean {
    for (let k = negation + 1; k < before && k <= negation + NEGATED_OBJECT_REACH; k++) {
      if (NEGATED_OBJECTS.has(this.n.words[k]!)) return true;
    }
    return false;
  }

  negatedInside(first: number, last: number, patternWords: ReadonlySet<string>, negations: ReadonlySet<string>): boolean {
    for (let k = first + 1; k < last; k++) {
      const w = this.n.words[k]!;
      if (negations.has(w) && !patternWords.has(w)) return true;
    }
    return false;
  }

  wordsAfter(last: number): string {
    const out: string[] = [];
    for (let k = last + 1; k < this.n.words.length && out.length < LOOKAHEAD_WORDS; k++) {
      const w = this.n.words[k]!;
      if (w === ".") break;
      if (w !== ",") out.push(w);
    }
    return out.join(" ");
  }
}

export interface Match {
  first: number;
  last: number;
  evidence: string;
}

/** Every counted match of one rule, in text order, overlapping matches merged ("Travel visa" + "visa-free"). */
export function matchRule<Id extends string>(t: OfferText, compiled: CompiledRule<Id>): Match[] {
  const { negations } = compiled;
  const spans: [number, number][] = [];
  compiled.patterns.forEach((pattern, i) => {
    const patternWords = compiled.patternWords[i]!;
    for (const m of t.matches(pattern)) {
      const first = wordAt(t.n, m.index);
      const last = wordAt(t.n, m.index + m.length - 1);
      // A phrase that is itself a negation ("tanpa pengalaman") is not turned around by an earlier one.
      const negatedBefore = !negations.has(t.n.words[first]!) && t.negatedBefore(first, negations, compiled.objectsTakeNegation);
      if (compiled.negatable && (negatedBefore || t.negatedInside(first, last, patternWords, compiled.gapNegations))) continue;
      if (compiled.unlessAfter.length && compiled.unlessAfter.some((re) => re.test(t.wordsAfter(last)))) continue;
      if (compiled.unlessSentence?.test(t.sentence(first))) continue;
      if (compiled.skipWarnings && t.isWarning(first)) continue;
      spans.push([first, last]);
    }
  });
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [first, last] of spans) {
    const prev = merged[merged.length - 1];
    if (prev && first <= prev[1]) prev[1] = Math.max(prev[1], last);
    else merged.push([first, last]);
  }
  return merged.map(([first, last]) => ({ first, last, evidence: originalSpan(t.n, first, last) }));
}

/** Adds evidence to a list, bounded in count and length; a quote inside a longer one is kept once, the longer. */
export function addEvidence(list: string[], evidence: string): void {
  const text = evidence.length > MAX_EVIDENCE_CHARS ? `${evidence.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : evidence;
  const lower = text.toLowerCase();
  if (!lower || list.some((e) => e.toLowerCase().includes(lower))) return;
  const kept = list.filter((e) => !lower.includes(e.toLowerCase()));
  if (kept.length >= MAX_EVIDENCE) return;
  list.splice(0, list.length, ...kept, text);
}
