/**
 * What an offer names: phone numbers (libphonenumber-js with full metadata: the `min` build takes dates
 * for numbers, tech-scan §6), @handles, links, company names, places and salaries. Shown to the user and
 * carried into the report flow so a recruiter can be reported with these details filled in.
 */
import { findPhoneNumbersInText } from "libphonenumber-js/max";
import type { OfferEntities } from "../ports.js";
import { COUNTRIES, INDONESIAN_PLACES, type Country } from "./gazetteer.js";
import { findMoney, type MoneyMention } from "./money.js";
import { originalSpan, wordAt, type NormalizedText } from "./normalize.js";
import { alternation, compilePattern } from "./patterns.js";

const HANDLE = /(?<![\p{L}\p{N}_.@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,30}[A-Za-z0-9_])?)/gu;
const SHORT_LINK_HOSTS = "t\\.me|wa\\.me|bit\\.ly|s\\.id|tinyurl\\.com|linktr\\.ee|chat\\.whatsapp\\.com|forms\\.gle|lnkd\\.in|fb\\.me|m\\.me|ig\\.me|shorturl\\.at|cutt\\.ly";
const LINK = new RegExp(
  String.raw`\b(?:https?:\/\/|www\.)[^\s<>"'()[\]]+|\b(?:${SHORT_LINK_HOSTS})\/[^\s<>"'()[\]]*|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|co\.id|go\.id|or\.id|ac\.id|web\.id|my\.id|id|net|org|info|xyz|site|online|biz|io|me)\/[^\s<>"'()[\]]*|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|co\.id|go\.id|or\.id|net|org|xyz|site|online|biz)\b`,
  "gi",
);
const TRAILING_PUNCTUATION = /[.,;:!?…]+$/;

/** Words that end a company name written after its prefix ("PT Maju Jaya buka lowongan …"). */
const NAME_STOP = new Set(
  ("buka membuka butuh membutuhkan mencari cari sedang yang yg di ke dari untuk adalah resmi berizin dengan is are in at " +
    "for with we kami katanya menerima rekrut merekrut hiring recruiting need needs looking lowongan loker job p3mi pemegang " +
    "sudah telah bergerak berangkat minat syarat gaji proses hubungi daftar kirim lokasi posisi info segera visa tiket kerja " +
    "dibutuhkan dicari silakan bisa akan juga dan atau tbk the a an this that sebagai selaku semua bekerja kerja sama bersama " +
    "menawarkan mengundang hadir siap yg buat mau ngajak nawarin tawarkan ini itu nih tuh kok ya").split(" "),
);
const CAPITALISED = /^[\p{Lu}\p{N}]/u;
const PREFIX = /(?<![\p{L}])(P\.\s?T\.?|PT\.?|pt\.?|CV\.?|LPK|Yayasan|UD\.?)(?=\s)/gu;
const SUFFIX_FORM =
  /((?:[A-Z][\p{L}\p{N}&'’.-]*\s+){1,5})(Sdn\.?\s?Bhd\.?|Co\.,?\s?Ltd\.?|Pte\.?\s?Ltd\.?|Ltd\.?|Limited|Inc\.?|LLC|L\.L\.C\.?|Corp(?:oration)?\.?|GmbH|Tbk\.?)/gu;

function companiesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PREFIX)) {
    const rest = text.slice(m.index + m[0].length);
    const placeholder = /^\s+(\[[^\]\n]{1,40}\])/.exec(rest);
    if (placeholder) {
      out.push(`${m[1]} ${placeholder[1]}`);
      continue;
    }
    const words: string[] = [];
    for (const w of rest.matchAll(/\s+([\p{L}\p{N}][\p{L}\p{N}&'’-]*)(?=([^\n]?))/gyu)) {
      if (words.length >= 5 || NAME_STOP.has(w[1]!.toLowerCase())) break;
      // A capitalised name ends at the first word in lower case ("PT Sinar Terang bekerja sama …").
      if (words.length > 0 && CAPITALISED.test(words[0]!) && !CAPITALISED.test(w[1]!)) break;
      words.push(w[1]!);
      // Punctuation after a word ends the name ("PT Maju Jaya, Jakarta").
      if (/[,.;:!?()\n]/.test(w[2] ?? "")) break;
    }
    // "ditanggung PT." is the company in general, not a name.
    // Chat style ("pt maju jaya") may be all lower case; after "PT" a lower-case word is not a name.
    if (words.length > 0 && (CAPITALISED.test(words[0]!) || m[1] === m[1]!.toLowerCase())) out.push(`${m[1]!.replace(/\s/g, "")} ${words.join(" ")}`);
  }
  for (const m of text.matchAll(SUFFIX_FORM)) out.push(`${m[1]!.trim()} ${m[2]}`);
  return dedupe(out);
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface PlaceMention {
  /** The country a foreign place belongs to; undefined for an Indonesian place. */
  country?: Country;
  /** The place as written in the offer. */
  evidence: string;
  /** The place in canonical words. */
  phrase: string;
  /** Index of its first canonical word. */
  word: number;
}

/** One pass over the offer for every place: phrase → country (undefined for an Indonesian place). */
const PLACE_COUNTRY = new Map<string, Country | undefined>([
  ...INDONESIAN_PLACES.map((p) => [p, undefined] as const),
  ...COUNTRIES.flatMap((c) => [...c.names, ...c.cities].map((p) => [p, c] as const)),
]);
// Longest phrases first, so "kota kinabalu" wins over "kota".
const PLACES = compilePattern(alternation([...PLACE_COUNTRY.keys()].sort((a, b) => b.length - a.length)));

function findPlaces(n: NormalizedText): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const m of n.text.matchAll(PLACES.regex)) {
    const first = wordAt(n, m.index);
    const last = wordAt(n, m.index + m[0].length - 1);
    const country = PLACE_COUNTRY.get(m[0]);
    out.push({ ...(country ? { country } : {}), evidence: originalSpan(n, first, last), phrase: m[0], word: first });
  }
  return out;
}

const GENERIC_PLACE_MARKERS = new Set(["kab", "kabupaten", "kota"]);

/** Destinations for display: country names, and cities with their country ("Sihanoukville, Cambodia"). */
export function destinationNames(places: readonly PlaceMention[]): string[] {
  const out: string[] = [];
  for (const p of places) {
    if (!p.country) {
      if (!GENERIC_PLACE_MARKERS.has(p.phrase)) out.push(p.evidence);
    } else out.push(p.country.names.includes(p.phrase) ? p.country.name : `${p.evidence}, ${p.country.name}`);
  }
  return dedupe(out);
}

/**
 * Stretches of text that could hold a phone number (9 digits at least: the shortest Indonesian number with
 * its area code); libphonenumber, slow on long text, reads only these, and each once per process.
 */
const PHONE_CANDIDATE = /(?:\+|\b)\d[\d\s().-]{7,22}\d/g;
const MIN_PHONE_DIGITS = 9;
const phoneCache = new Map<string, readonly string[]>();

function phonesIn(text: string): string[] {
  // "wa.me/628…" links carry the number without "+" (tech-scan §6: prefix it, or it parses as national).
  const withPlus = text.replace(/\bwa\.me\/(\d{8,15})/gi, "wa.me/+$1");
  const found: string[] = [];
  for (const m of withPlus.matchAll(PHONE_CANDIDATE)) {
    if (m[0].replace(/\D/g, "").length < MIN_PHONE_DIGITS) continue;
    const candidate = withPlus.slice(Math.max(0, m.index - 1), m.index + m[0].length);
    let numbers = phoneCache.get(candidate);
    if (!numbers) {
      numbers = findPhoneNumbersInText(candidate, "ID").map((p) => p.number.number);
      if (phoneCache.size > 10_000) phoneCache.clear();
      phoneCache.set(candidate, numbers);
    }
    found.push(...numbers);
  }
  return dedupe(found);
}

function linksIn(text: string): string[] {
  return dedupe([...text.matchAll(LINK)].map((m) => m[0].replace(TRAILING_PUNCTUATION, "")));
}

function salaryEntity(m: MoneyMention): OfferEntities["salaries"][number] {
  return { amount: m.amount, currency: m.currency, ...(m.period ? { period: m.period } : {}), text: m.text, ...(m.max ? { max: m.max } : {}) };
}

export interface ExtractedEntities {
  entities: OfferEntities;
  places: PlaceMention[];
  money: MoneyMention[];
}

export function extractEntities(n: NormalizedText): ExtractedEntities {
  const text = n.original;
  const places = findPlaces(n);
  const money = findMoney(text);
  const links = linksIn(text);
  const handles = dedupe([...text.matchAll(HANDLE)].map((m) => `@${m[1]}`));
  return {
    entities: {
      phones: phonesIn(text),
      handles,
      links,
      companies: companiesIn(text),
      destinations: destinationNames(places),
      salaries: money.filter((m) => m.kind === "salary").map(salaryEntity),
    },
    places,
    money,
  };
}
