/**
 * Does a free-text message look like a pasted or forwarded job offer rather than a question?
 * An offer shows several kinds of offer language at once (a job, pay, requirements, how to apply,
 * travel and perks, a foreign place, a contact number or link); a question usually shows one or two and
 * asks something. Long texts with many kinds win even when they end with "is this safe?".
 */
import { compileCondition } from "./matcher.js";
import { findMoney } from "./money.js";
import type { NormalizedText } from "./normalize.js";
import { FOREIGN_PLACE_PHRASES } from "./gazetteer.js";
import { alternation } from "./patterns.js";

const SIGNALS: readonly RegExp[] = [
  // the job
  "(lowongan|lowongan kerja|dibutuhkan|dicari|hiring|vacancy|vacancies|rekrut*|recruit*|job order|posisi|position|open recruitment|kerja di|work in|bekerja di|we are looking|penempatan|loker)",
  // the pay
  "(gaji|penghasilan|bonus|komisi|commission)",
  // requirements
  "(syarat|persyaratan|kualifikasi|requirements|requirement|qualification|qualifications|usia|umur|pendidikan|lulusan|pengalaman|min sma|minimal)",
  // how to apply
  "(minat|hubungi|kontak|contact|daftar|pendaftaran|apply|kirim cv|kirim lamaran|lamaran|japri|dm|pm|whatsapp|telegram|interview|wawancara|inbox)",
  // travel and perks
  "(berangkat|keberangkatan|tiket|mess|visa|paspor|akomodasi|accommodation|pesawat|fasilitas|benefit|benefits|asrama|makan)",
  // a foreign place
  `(${alternation(FOREIGN_PLACE_PHRASES)}|luar negeri|overseas|abroad)`,
].map(compileCondition);

const QUESTION_START = compileCondition(
  "(apa|apakah|bagaimana|berapa|kapan|dimana|kenapa|mengapa|bisakah|bolehkah|gimana|is|are|can|could|should|how|what|where|when|why|do|does|did|mau tanya|saya mau tanya|tanya)",
);
const MIN_OFFER_CHARS = 40;
const QUESTION_MAX_CHARS = 280;
const OFFER_SIGNALS = 3;
const QUESTION_OFFER_SIGNALS = 5;

export function looksLikeOffer(n: NormalizedText): boolean {
  const text = n.original.trim();
  if (text.length < MIN_OFFER_CHARS) return false;
  let signals = SIGNALS.filter((re) => re.test(n.text)).length;
  if (findMoney(text).length > 0) signals++;
  if (/\b0\d{2,3}[-\s]?(?:\d|x){3,4}|\+\d{2}\s?\d|https?:\/\/|\bt\.me\/|\bwa\.me\//i.test(text)) signals++;
  const first = n.words.slice(0, 3).join(" ");
  const question = text.endsWith("?") || QUESTION_START.test(first);
  const needed = question && text.length < QUESTION_MAX_CHARS ? QUESTION_OFFER_SIGNALS : OFFER_SIGNALS;
  return signals >= needed;
}
