/**
 * Extractive answers: the best-matching section quoted whole (it holds the key facts: numbers, article
 * numbers), then, if there is room, the most relevant sentence of the runner-up section, then the source.
 * Everything stays within MAX_ANSWER_CHARS: answers are read on phones.
 */
import type { AnswerSource } from "../ports.js";
import type { Lang } from "../messages.js";
import type { Passage } from "../knowledge/types.js";
import type { RetrievalHit } from "../retrieval/retriever.js";
import { matchingStems } from "../text/synonyms.js";
import { contentWords, normalizeWords, stemsOf } from "../text/tokenize.js";
import { texts } from "../../i18n/index.js";
import { statesKind, type QuestionKind } from "./question-kind.js";

export const MAX_ANSWER_CHARS = 1_200;
/** A runner-up section contributes a sentence only when it scored close to the best one. */
const RUNNER_UP_RATIO = 0.7;
/** Citations name laws and outlets; beyond this they crowd the answer out. */
const MAX_CITATION_CHARS = 140;

export function toSource(p: Passage): AnswerSource {
  return p.url ? { id: p.id, title: p.title, url: p.url } : { id: p.id, title: p.title };
}

/** The section's own citation, minus the internal fact-sheet numbers. */
function citation(p: Passage): string {
  const cited = (p.citation ?? "").replace(/[,;]?\s*fact sheet\b[^;]*$/i, "").replace(/[.;,\s]+$/, "").trim();
  return cited.length > MAX_CITATION_CHARS ? fitText(cited.replace(/;\s*/g, ". "), MAX_CITATION_CHARS).replace(/\. /g, "; ") : cited;
}

export function sourceLine(passages: readonly Passage[], lang: Lang): string {
  const t = texts(lang).qa;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const p of passages) {
    if (seen.has(p.docId)) continue;
    seen.add(p.docId);
    const cited = citation(p);
    parts.push(cited ? `${p.title} (${cited})` : p.title);
  }
  return `${t.source}: ${parts.join(t.sourcesJoiner)}`;
}

/** Abbreviations that end in a full stop without ending the sentence ("Peraturan BP2MI No. 9 Tahun 2020"). */
const ABBREVIATION = /\b(?:No|Nos|Art|Arts|Reg|Perban|Permen|Jl|Kab|Kec|Prov|Dr|Prof|St|vs|etc|dll|dsb|Mr|Mrs|Ms|Inc|Ltd|Co)\.$/i;

export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9("“'])/)
    .reduce<string[]>((out, part) => {
      const last = out.length - 1;
      if (last >= 0 && ABBREVIATION.test(out[last]!)) out[last] = `${out[last]} ${part}`;
      else out.push(part);
      return out;
    }, [])
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Cuts text at the last sentence end that fits; a single overlong sentence is cut at a word. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "";
  let out = "";
  for (const s of sentences(text)) {
    const next = out ? `${out} ${s}` : s;
    if (next.length > max) break;
    out = next;
  }
  if (out) return out;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1)).trimEnd()}…`;
}

const stemSet = (text: string) => new Set(normalizeWords(text).flatMap((w) => stemsOf(w)));

function relevance(sentence: string, words: readonly string[]): number {
  const stems = stemSet(sentence);
  return words.filter((w) => matchingStems(w).some((s) => stems.has(s))).length;
}

/** A sentence whose words the main passage nearly all uses already would only repeat it. */
function repeats(sentence: string, main: ReadonlySet<string>): boolean {
  const words = contentWords(normalizeWords(sentence));
  const known = words.filter((w) => stemsOf(w).some((s) => main.has(s))).length;
  return words.length === 0 || known / words.length >= 0.8;
}

/**
 * The most relevant sentence of the close runner-up sections that the main passage does not already say.
 * Preferred, in order: a sentence stating the kind of fact asked for (a date, a number), one that brings
 * question words the main passage leaves unanswered, then the one matching most question words. A sentence
 * is read under its section's heading, the question it answers ("Berlakunya ditunda…" is about the fee
 * exemption its heading names).
 */
function runnerUpSentence(main: RetrievalHit, others: readonly RetrievalHit[], words: readonly string[], kind?: QuestionKind) {
  const runners = others.filter(
    (h) => h.passage.lang === main.passage.lang && h.passage.heading !== main.passage.heading && h.score >= main.score * RUNNER_UP_RATIO,
  );
  const mainStems = stemSet(`${main.passage.heading} ${main.passage.text}`);
  const unanswered = words.filter((w) => !matchingStems(w).some((s) => mainStems.has(s)));
  let best: { passage: Passage; sentence: string; rank: number[] } | undefined;
  for (const runner of runners) {
    for (const sentence of sentences(runner.passage.text)) {
      if (repeats(sentence, mainStems) || relevance(sentence, words) === 0) continue;
      const read = `${runner.passage.heading} ${sentence}`;
      const rank = [kind && statesKind(sentence, kind) ? 1 : 0, relevance(read, unanswered), relevance(read, words)];
      if (!best || outranks(rank, best.rank)) best = { passage: runner.passage, sentence, rank };
    }
  }
  return best && { passage: best.passage, sentence: best.sentence };
}

/** Lexicographic comparison of two rankings. */
function outranks(a: readonly number[], b: readonly number[]): boolean {
  const i = a.findIndex((x, j) => x !== b[j]);
  return i >= 0 && a[i]! > b[i]!;
}

export interface Composed {
  /** Answer body without the source line. */
  body: string;
  passages: Passage[];
}

/**
 * Body of an extractive answer within `budget` characters, from hits ranked best first
 * (the caller has already chosen the answer language).
 */
export function composeExtractive(hits: readonly RetrievalHit[], words: readonly string[], budget: number, kind?: QuestionKind): Composed {
  const [main, ...others] = hits;
  if (!main) return { body: "", passages: [] };
  const body = fitText(main.passage.text, budget);
  const extra = runnerUpSentence(main, others, words, kind);
  if (extra && body.length + 2 + extra.sentence.length <= budget) {
    return { body: `${body}\n\n${extra.sentence}`, passages: [main.passage, extra.passage] };
  }
  return { body, passages: [main.passage] };
}

/** A complete extractive answer: optional text before/after (danger guidance), the body, and the source line. */
export function renderExtractive(
  hits: readonly RetrievalHit[],
  words: readonly string[],
  lang: Lang,
  frame: { before?: string; after?: string; kind?: QuestionKind } = {},
): { answer: string; passages: Passage[] } {
  const framing = [frame.before, frame.after].filter((s): s is string => Boolean(s));
  // Budget against the longest source line the answer could need (best section plus any runner-up).
  const [main, ...others] = hits;
  const sourceSets = main ? [[main.passage], ...others.map((h) => [main.passage, h.passage])] : [];
  const worstSource = Math.max(0, ...sourceSets.map((passages) => sourceLine(passages, lang).length));
  const overhead = framing.reduce((n, s) => n + s.length + 2, 0) + worstSource + 2;
  const composed = composeExtractive(hits, words, MAX_ANSWER_CHARS - overhead, frame.kind);
  const blocks = [frame.before, composed.body, frame.after, composed.passages.length ? sourceLine(composed.passages, lang) : undefined];
  return { answer: blocks.filter(Boolean).join("\n\n"), passages: composed.passages };
}
