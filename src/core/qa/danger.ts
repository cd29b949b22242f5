/**
 * Danger-now detection: messages saying someone is held, beaten, locked up or has had their passport
 * taken get emergency guidance before anything else. Violence and captivity words count on their own
 * (also misspelt by one letter); a taken passport or forced work counts only when it is happening,
 * not when a job offer says it "will" happen ("paspor nanti dipegang perusahaan, wajar ga?").
 */
import { distance } from "fastest-levenshtein";
import { normalizeWords } from "../text/tokenize.js";

const CAPTIVITY_OR_VIOLENCE = [
  // Indonesian
  "disekap", "dikurung", "terkurung", "disandera", "ditawan", "diculik", "dipukul", "dipukuli", "disiksa",
  "dianiaya", "diperkosa", "disetrum", "dikunci", "diancam", "dijual", "dilecehkan", "ditembak", "ditusuk",
  // English
  "trapped", "kidnapped", "abducted", "hostage", "beaten", "beating", "tortured", "raped", "imprisoned",
  "captive", "threatened", "sold",
];
const PHRASES: RegExp[] = [
  /\btidak (boleh|bisa|dapat|diizinkan) (pulang|keluar|kabur|pergi|lari)\b/,
  /\b(can ?not|cant|can t|not allowed to|unable to) (leave|go home|escape|get out)\b/,
  /\b(locked|held) (up|in|inside|against)\b/,
  /\b(beat|beats|hit|hits|hurt|hurts) (me|us|him|her|them)\b/,
  // A bare cry for help ("tolong!", "help me please"), not "please help me understand the fees".
  /^(please )?(tolong|help|save|rescue|sos)( saya| kami| me| us)?( please| now| urgent| cepat| segera)*$/,
  /\btolong (selamatkan|keluarkan|bantu keluar)\b/,
];
const PASSPORT = /\b(paspor|passport)\b/;
const TAKEN = /\b(ditahan|disita|diambil|dirampas|dipegang|ditahan|diminta|disimpan|taken|took|confiscated|seized|withheld|kept|keeps|keep|holding|held|holds)\b/;
const FORCED = /\b(dipaksa|forced)\b/;
/** Talk about the future, hearsay or a question whether something is normal: an offer, not an emergency. */
const HYPOTHETICAL = /\b(nanti|akan|katanya|kalau|jika|bolehkah|boleh|wajar|biasa|if|will|would|allowed|normal|legal)\b/;
const QUESTION_START = /^(can|could|may|should|is|are|does|do|apakah|apa|bisakah)\b/;

function misspeltOneOf(word: string, targets: readonly string[]): boolean {
  return targets.some((t) => word === t || (word.length >= 6 && Math.abs(word.length - t.length) <= 1 && distance(word, t) <= 1));
}

/** "di sekap" written apart is still "disekap". */
function canonicalSentences(text: string): string[] {
  return text
    .slice(0, 2_000)
    .split(/[.?!\n]+/)
    .map((sentence) => normalizeWords(sentence).join(" ").replace(/\bdi (\p{L}+)/gu, "di$1"))
    .filter(Boolean);
}

export function detectDanger(text: string): boolean {
  const sentences = canonicalSentences(text);
  if (sentences.some((s) => s.split(" ").some((w) => misspeltOneOf(w, CAPTIVITY_OR_VIOLENCE)))) return true;
  if (sentences.some((s) => PHRASES.some((p) => p.test(s)))) return true;
  // Per sentence, so "they took my passport, can you help?" is an emergency and "Can an employer keep my passport?" is not.
  return sentences.some((s) => {
    const happening = !HYPOTHETICAL.test(s) && !QUESTION_START.test(s);
    return happening && ((PASSPORT.test(s) && TAKEN.test(s)) || FORCED.test(s));
  });
}
