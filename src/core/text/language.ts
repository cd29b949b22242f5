/**
 * Indonesian-vs-English detection for short, informal chat messages.
 * A marker-word vote decides most messages (it knows chat slang such as "gmn", "yg", "ga");
 * franc restricted to ind/eng settles the rest (tech-scan §6: 97–100% on short text).
 * Malay is treated as Indonesian: both get the Indonesian answer.
 */
import { franc } from "franc";
import type { Lang } from "../messages.js";

const words = (...lines: string[]) => new Set(lines.join(" ").split(/\s+/).filter(Boolean));

const ID_MARKERS = words(
  "yang dan di ke dari ini itu untuk dengan tidak tak ada apa apakah bagaimana gimana gmn gmna bgmn gimna kenapa mengapa",
  "berapa brp brapa kapan dimana mana siapa saya aku sy aq gue gw kamu anda kak kakak bang gan bro sis mas mbak pak bu",
  "bapak ibu mau ingin bisa boleh harus perlu sudah udah sdh belum blm akan sedang lagi lg juga jg saja aja aj kalau",
  "kalo klo kl atau tapi tetapi karena krn karna sama dong deh sih nih kah ya yg ga gak gk nggak ngga engga enggak tdk",
  "tolong minta cara kerja bekerja luar negeri biaya gaji upah ongkos agen resmi aman syarat persyaratan daftar lapor",
  "melapor laporan paspor kantor dipukul disekap ditahan dikurung diancam kabur pulang keluarga hilang adik anak suami",
  "istri teman tanya nanya umur usia nomor nomer negara calo perusahaan pekerja migran lowongan loker tawaran hukum",
  "hukuman penjara denda sanksi izin ijin korban kedutaan sekarang namanya perempuan laki wajib ikut bayar gratis murah",
  "mahal uang duit halo hai selamat pagi siang sore malam terima kasih makasih trims bener benar betul kok pun lah punya",
  "oleh pada adalah ialah tentang seperti supaya agar buat bikin dapat dapet",
);

const EN_MARKERS = words(
  "the a an and or but of to in on at for with from by is are was were be been being am do does did have has had",
  "what how why when where who which whom whose can could should would will shall may might must i me my you your we",
  "our they their he she it its this that these those there here not no yes if then than about into out up down",
  "work job agency fee fees safe abroad help please report passport embassy consulate contract salary wage recruiter",
  "trapped beaten locked held taken family missing brother sister friend wife husband victim get need want know tell",
  "hi hello thanks thank age minimum number call phone fine prison law laws rights country countries worker workers",
  "working company employer pay paid free cost costs charge money register official government allowed required",
  "requirements documents document",
);

/** Words both languages use as-is; they must not tip the vote. */
const SHARED = new Set(["visa", "agen", "legal", "online", "ok", "oke", "bank", "scam", "hotline", "whatsapp", "wa", "telegram"]);

const LETTERS = /\p{Script=Latin}/u;

/** Detects id/en. Text without Latin letters, or with no signal either way, gets `fallback`. */
export function detectLanguage(text: string, fallback: Lang = "id"): Lang {
  const sample = text.slice(0, 2_000).toLowerCase();
  if (!LETTERS.test(sample)) return fallback;
  const words = sample.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").match(/\p{L}+/gu) ?? [];
  let id = 0;
  let en = 0;
  for (const w of words) {
    if (SHARED.has(w)) continue;
    if (ID_MARKERS.has(w)) id++;
    if (EN_MARKERS.has(w)) en++;
    // Indonesian affixes are a strong signal for words the lists do not know.
    else if (!ID_MARKERS.has(w) && w.length > 5 && /^(meng|meny|mem|men|ber|ter|di|ke|pe[nmr]?)\p{L}+(kan|an|nya|lah)$/u.test(w)) id += 0.5;
  }
  if (id >= en + 1 || (id > 0 && en === 0)) return "id";
  if (en >= id + 1 || (en > 0 && id === 0)) return "en";
  // franc guesses wildly on two or three words ("umur minimal PMI" → English): leave those to the fallback.
  if (words.length < 4) return fallback;
  const guess = franc(words.join(" "), { only: ["ind", "eng"], minLength: 1 });
  if (guess === "ind") return "id";
  if (guess === "eng") return "en";
  return fallback;
}
