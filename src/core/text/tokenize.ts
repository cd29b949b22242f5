/**
 * Turns free text (documents or chat questions) into canonical words and stems, the same way for both,
 * so retrieval compares like with like: lower case, no diacritics, reduplication ("abal2") spelled out,
 * stretched letters ("tolongggg") collapsed, chat slang mapped through the lexicon. Each word gets the
 * Indonesian stem (Snowball, @nlpjs/lang-id) and the English one (Porter): questions mix both languages,
 * and applying both to documents and questions alike keeps matching symmetric without guessing per word.
 */
import lid from "@nlpjs/lang-id";
import { stemmer as porter } from "stemmer";
import { LEXICON } from "./lexicon.js";

const idStemmer = new lid.StemmerId();

/** Function words of both languages: they say nothing about the topic of a question. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "yang dan di ke dari ini itu untuk dengan tidak ada apa apakah bagaimana kenapa mengapa berapa kapan dimana mana " +
    "siapa saya kamu anda kami kita dia mereka ia nya mau ingin bisa boleh harus perlu sudah belum akan sedang lagi juga " +
    "saja kalau jika tapi tetapi atau karena sama dong deh sih nih kah ya lah pun tolong minta tanya bagaimanakah " +
    "adalah ialah oleh pada dalam seperti sepertinya begitu banget benar betul memang masih terus jadi sebagai agar " +
    "supaya buat bikin biar dapat orang hal para tentang atas bagi secara sekarang nanti halo hai terima kasih " +
    "kok cuma gimana mohon sebelum sesudah setelah saat ketika lewat melalui " +
    "the a an and or but of to in on at for with from by is are was were be been being am do does did have has had " +
    "what how why when where who which whom whose can could should would will shall may might must i me my you your " +
    "we our they their he she it its this that these those there here not no yes if then than about into out up " +
    "please tell know get need want any some s t allowed allow before after just also still very really ok okay via through " +
    "happen happened happens use used m re ve ll d"
  ).split(" "),
);

const stemCache = new Map<string, readonly string[]>();

/**
 * Snowball's Indonesian stemmer strips "-ku"/"-mu" as pronouns before it strips prefixes, so "berlaku"
 * became "berla" while "berlakunya" became "laku"; a trailing "nya" shields those endings. It also removes
 * only one layer of prefixes ("berpengalaman" → "pengalam", "pengalaman" → "alam"), so it runs again on its
 * own output until nothing changes (twice at most is enough for Indonesian's stacked prefixes).
 */
function indonesianStem(word: string): string {
  let stem = idStemmer.stemWord(/(?:ku|mu)$/.test(word) ? `${word}nya` : word);
  for (let i = 0; i < 2; i++) {
    const again = idStemmer.stemWord(stem);
    if (again === stem || again.length < 3) break;
    stem = again;
  }
  return stem;
}

/** The stems of one canonical word: one or two (Indonesian and English stemmer), numbers and codes kept whole. */
export function stemsOf(word: string): readonly string[] {
  let out = stemCache.get(word);
  if (!out) {
    if (word.length < 4 || /\d/.test(word)) out = [word];
    else {
      const id = indonesianStem(word);
      const en = porter(word);
      const a = id.length >= 3 ? id : word;
      const b = en.length >= 3 ? en : word;
      out = a === b ? [a] : [a, b];
    }
    if (stemCache.size > 100_000) stemCache.clear();
    stemCache.set(word, out);
  }
  return out;
}

/** Canonical words of a text. */
export function normalizeWords(text: string): string[] {
  const plain = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\b(\p{L}{3,})2\b/gu, "$1 $1")
    // Placement schemes "G to G", "G2G", "P to P" become one word each.
    .replace(/\b([gp])[ -]?(?:to|2)[ -]?([gp])\b/g, "$12$2")
    .replace(/(\p{L})\1{2,}/gu, "$1");
  const out: string[] = [];
  for (const raw of plain.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const mapped = LEXICON[raw];
    if (mapped === undefined) out.push(raw);
    else if (mapped) out.push(...mapped.split(" "));
  }
  return out;
}

/** A function word, also in an English inflected form ("wants", "does"). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || (word.length > 3 && STOPWORDS.has(porter(word)));
}

/** Words that carry meaning (stopwords removed), de-duplicated, in order of appearance. */
export function contentWords(words: readonly string[]): string[] {
  return [...new Set(words.filter((w) => !isStopword(w)))];
}
