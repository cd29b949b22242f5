/**
 * The one Q&A engine every channel uses: detect the language, check for danger, retrieve, then answer
 * from the knowledge base (extractive, or generated with citations when an LLM is configured) or refuse
 * politely when the question is out of scope or retrieval is not confident.
 */
import type { Logger } from "../../logger.js";
import { texts } from "../../i18n/index.js";
import type { Lang } from "../messages.js";
import type { Passage } from "../knowledge/types.js";
import type { Answer, QaService } from "../ports.js";
import type { RetrievalHit, Retriever } from "../retrieval/retriever.js";
import { detectLanguage } from "../text/language.js";
import { MAX_ANSWER_CHARS, renderExtractive, sourceLine, toSource } from "./compose.js";
import { detectDanger } from "./danger.js";
import { questionKind } from "./question-kind.js";
import type { LlmAnswerer } from "./llm.js";

/** Longest question text analysed; longer messages (pasted documents, junk) are cut, never rejected. */
export const MAX_QUESTION_CHARS = 2_000;
/** Below this confidence the question is refused; below OUT_OF_SCOPE it is treated as off-topic. */
export const MIN_CONFIDENCE = 0.33;
const OUT_OF_SCOPE = 0.2;
/** Passages in the question's language are preferred unless clearly worse than the best overall. */
const SAME_LANGUAGE_RATIO = 0.6;
/** Passages the LLM may draw on. */
const LLM_PASSAGES = 4;

export interface QaServiceOptions {
  retriever: Retriever;
  defaultLang: Lang;
  /** Local hash embeddings give calibrated similarities; remote models do not, so confidence then rests on coverage. */
  denseConfidence: boolean;
  llm?: LlmAnswerer;
  logger?: Logger;
  minConfidence?: number;
}

/** Printable text only: control characters and stray binary are dropped, whitespace collapsed. */
export function cleanQuestion(raw: string): string {
  return raw
    .slice(0, MAX_QUESTION_CHARS * 2)
    .replace(/[\p{Cc}\p{Cs}\p{Co}\p{Cn}\uFFFD]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
}

export class GroundedQaService implements QaService {
  constructor(private readonly o: QaServiceOptions) {}

  confidence(hit: RetrievalHit | undefined): number {
    if (!hit) return 0;
    const c = this.o.denseConfidence ? 0.6 * hit.coverage + 0.8 * hit.dense : 0.9 * hit.coverage;
    return Math.round(Math.min(1, Math.max(0, c)) * 1000) / 1000;
  }

  /** Hits to answer from: those in the user's language whenever they ground the answer nearly as well. */
  private rank(hits: RetrievalHit[], lang: Lang, minConfidence: number): RetrievalHit[] {
    const same = hits.filter((h) => h.passage.lang === lang);
    const best = same[0];
    const closeEnough = best && best.score >= (hits[0]?.score ?? 0) * SAME_LANGUAGE_RATIO && this.confidence(best) >= minConfidence;
    return closeEnough ? same : hits;
  }

  async answer(question: string, opts: { lang?: Lang } = {}): Promise<Answer> {
    const text = cleanQuestion(question);
    const lang = opts.lang ?? detectLanguage(text, this.o.defaultLang);
    const t = texts(lang).qa;
    const danger = detectDanger(text);
    const reply = (answer: string, confidence: number, passages: readonly Passage[] = []): Answer => ({
      answer, lang, sources: passages.map(toSource), confidence, refused: false, danger,
    });
    const refusal = (answer: string, confidence: number): Answer => ({ ...reply(answer, confidence), refused: true });
    if (!danger && !/[\p{L}\p{N}]/u.test(text)) return refusal(t.unreadable, 0);

    const minConfidence = this.o.minConfidence ?? MIN_CONFIDENCE;
    const { hits, words } = await this.o.retriever.search(text, { lang, k: 8 });
    const ranked = this.rank(hits, lang, minConfidence);
    const confidence = this.confidence(ranked[0]);
    const grounded = confidence >= minConfidence;
    const kind = questionKind(text);
    this.o.logger?.debug({ lang, confidence, danger, top: ranked[0]?.passage.id }, "qa answer");

    if (danger) {
      if (!grounded) return reply(`${t.danger}\n\n${t.dangerReport}`, confidence);
      const framed = renderExtractive(ranked, words, lang, { before: t.danger, after: t.dangerReport, kind });
      return reply(framed.answer, confidence, framed.passages);
    }
    if (!grounded) return refusal(confidence < OUT_OF_SCOPE ? t.outOfScope : t.unsure, confidence);
    if (this.o.llm) {
      const generated = await this.o.llm.answer(text, lang, ranked.slice(0, LLM_PASSAGES).map((h) => h.passage));
      const answer = generated && `${generated.text}\n\n${sourceLine(generated.cited, lang)}`;
      if (generated && answer && answer.length <= MAX_ANSWER_CHARS) return reply(answer, confidence, generated.cited);
    }
    const extractive = renderExtractive(ranked, words, lang, { kind });
    return reply(extractive.answer, confidence, extractive.passages);
  }
}
