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

export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9("“'])/)
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

/** The runner-up's most relevant sentence that the main passage does not already say. */
function runnerUpSentence(main: RetrievalHit, others: readonly RetrievalHit[], words: readonly string[]) {
  const runner = others.find(
    (h) => h.passage.lang === main.passage.lang && h.passage.heading !== main.passage.heading && h.score >= main.score * RUNNER_UP_RATIO,
  );
  if (!runner) return undefined;
  const mainStems = stemSet(main.passage.text);
  let best: { sentence: string; score: number } | undefined;
  for (const sentence of sentences(runner.passage.text)) {
    if (repeats(sentence, mainStems)) continue;
    const score = relevance(sentence, words);
    if (score > 0 && (!best || score > best.score)) best = { sentence, score };
  }
  return best && { passage: runner.passage, sentence: best.sentence };
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
export function composeExtractive(hits: readonly RetrievalHit[], words: readonly string[], budget: number): Composed {
  const [main, ...others] = hits;
  if (!main) return { body: "", passages: [] };
  const body = fitText(main.passage.text, budget);
  const extra = runnerUpSentence(main, others, words);
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
  frame: { before?: string; after?: string } = {},
): { answer: string; passages: Passage[] } {
  const framing = [frame.before, frame.after].filter((s): s is string => Boolean(s));
  // Budget against the longest source line the answer could need (best section plus runner-up).
  const worstSource = sourceLine(hits.slice(0, 2).map((h) => h.passage), lang);
  const overhead = framing.reduce((n, s) => n + s.length + 2, 0) + worstSource.length + 2;
  const composed = composeExtractive(hits, words, MAX_ANSWER_CHARS - overhead);
  const blocks = [frame.before, composed.body, frame.after, composed.passages.length ? sourceLine(composed.passages, lang) : undefined];
  return { answer: blocks.filter(Boolean).join("\n\n"), passages: composed.passages };
}
