/**
 * Words people type instead of pressing a button (chat users mix Indonesian and English, so both
 * languages are accepted whatever the chosen language). A whole message must match, so answers
 * that merely contain such a word are never mistaken for a command.
 */
const words = (list: string) => new Set(list.split(" "));

export const KEYWORDS = {
  yes: words("ya y iya iyaa yes yup ok oke okay setuju agree sure betul benar lanjut"),
  no: words("tidak tdk tak ga gak nggak ngga enggak no nope n jangan"),
  skip: words("skip lewati lewat lompati lompat tidak_tahu tidaktahu gatau gtau ga_tau gak_tau ngga_tau -"),
  back: words("back kembali balik mundur sebelumnya previous"),
  cancel: words("cancel batal batalkan stop berhenti /batal /cancel"),
  send: words("send kirim kirimkan submit"),
  edit: words("edit ubah ganti change koreksi"),
} as const;

export type Keyword = keyof typeof KEYWORDS;

/** Lower-cases, trims and strips trailing punctuation and emoji so "Ya!" and "ya 👍" both match. */
export function normaliseReply(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[\s\p{Extended_Pictographic}.!,]+$/u, "")
    .replace(/\s+/g, "_");
}

export function isKeyword(text: string | undefined, keyword: Keyword): boolean {
  if (!text) return false;
  const norm = normaliseReply(text);
  return norm.length > 0 && KEYWORDS[keyword].has(norm);
}
