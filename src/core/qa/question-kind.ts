/**
 * What kind of fact a question asks for, when its wording says so: a date ("kapan", "since when", "tahun
 * berapa") or a quantity ("berapa", "how many"). The extractive answer uses it to prefer, among otherwise
 * relevant sentences, one that actually states a date or a number.
 */
import { normalizeWords } from "../text/tokenize.js";

export type QuestionKind = "date" | "number";

const DATE_QUESTION = /\b(?:kapan|tanggal|tahun berapa|bulan apa|when|what date|which year|what year|since when)\b/;
const NUMBER_QUESTION = /\b(?:berapa|jumlah|how many|how much|how long|what number)\b/;

const MONTHS =
  "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|agu|aug|sep|okt|oct|nov|des|dec|" +
  "january|february|march|may|june|july|august|october|december";
// A year counts as a date unless it is part of a law's number ("UU 18/2017", "No. 9 Tahun 2020", "Law 21 of 2007").
const DATE = new RegExp(`\\b(?:${MONTHS})\\b|(?<![/\\d])(?<!\\b(?:tahun|of|th)\\s)\\b(?:19|20)\\d\\d\\b`, "i");
const NUMBER = /\d/;

export function questionKind(question: string): QuestionKind | undefined {
  const text = normalizeWords(question).join(" ");
  if (DATE_QUESTION.test(text)) return "date";
  if (NUMBER_QUESTION.test(text)) return "number";
  return undefined;
}

export function statesKind(sentence: string, kind: QuestionKind): boolean {
  return (kind === "date" ? DATE : NUMBER).test(sentence);
}
