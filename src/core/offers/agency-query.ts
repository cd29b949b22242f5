/**
 * Recognises a question about one company ("cek PT Maju Jaya", "apakah PT. Sinar Abadi resmi?",
 * "is Maju Jaya Sdn Bhd licensed?", "agen Berkah Mandiri terdaftar gak") and returns the company name,
 * so the engine can answer from the licensed-agency registry instead of checking an offer.
 */
const MAX_QUESTION_CHARS = 200;
const MAX_NAME_WORDS = 5;
const ASKS = /\b(?:cek|cekin|check|periksa|verify|verifikasi|resmi|legal|terdaftar|berizin|licen[cs]ed|registered|legit|izin|asli)\b/i;
/** Words that end (or, before a suffix form, start) a company name inside a question. */
const STOP = new Set(
  ("resmi legal terdaftar berizin licensed licenced registered legit asli aman itu ini ga gak nggak enggak tidak gk kah ya yg " +
    "yang atau or is are a an the dong sih please pls tolong gan kak bro sis apakah apa cek check periksa verify whether if " +
    "punya has have ada sudah udah").split(" "),
);
const PREFIX = /(?<![\p{L}])(P\.?\s?T\.?|CV\.?)\s+/iu;
const SUFFIX = /\s+(Sdn\.?\s?Bhd\.?|Co\.,?\s?Ltd\.?|Pte\.?\s?Ltd\.?|Ltd\.?|Inc\.?|LLC)(?![\p{L}])/iu;
const BY_WORD = /\b(?:p3mi|pjtki|pptkis|agen|agency|agensi|perusahaan|company|lpk)\s+/iu;

const words = (s: string) => s.split(/\s+/).map((w) => w.replace(/[?!,;:]+$/, "")).filter(Boolean);

function leadingName(rest: string): string | undefined {
  const out: string[] = [];
  for (const w of words(rest)) {
    if (out.length >= MAX_NAME_WORDS || STOP.has(w.toLowerCase())) break;
    out.push(w);
  }
  return out.length ? out.join(" ").replace(/\.$/, "") : undefined;
}

function trailingName(before: string): string | undefined {
  const out: string[] = [];
  for (const w of words(before).reverse()) {
    if (out.length >= MAX_NAME_WORDS || STOP.has(w.toLowerCase())) break;
    out.unshift(w);
  }
  return out.length ? out.join(" ") : undefined;
}

export function agencyQuery(text: string): string | undefined {
  const q = text.trim();
  if (q.length > MAX_QUESTION_CHARS || !ASKS.test(q)) return undefined;
  const prefixed = PREFIX.exec(q);
  if (prefixed) {
    const name = leadingName(q.slice(prefixed.index + prefixed[0].length));
    if (name) return `${prefixed[1]!.replace(/[\s.]/g, "").toUpperCase()} ${name}`;
  }
  const suffixed = SUFFIX.exec(q);
  if (suffixed) {
    const name = trailingName(q.slice(0, suffixed.index));
    if (name) return `${name} ${suffixed[1]}`;
  }
  const byWord = BY_WORD.exec(q);
  return byWord ? leadingName(q.slice(byWord.index + byWord[0].length)) : undefined;
}
