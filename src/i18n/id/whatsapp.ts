/** Teks untuk pengguna (Bahasa Indonesia): whatsapp. */
import type { Texts } from "../types.js";

export const whatsapp: Texts["whatsapp"] = {
  listButton: "Pilih",
  choose: "Silakan pilih:",
  numberedHint: "Balas dengan nomor pilihan Anda.",
  unsupported:
    "Saya bisa membaca teks, foto, dan dokumen, tetapi tidak jenis pesan ini (misalnya pesan suara, stiker, atau lokasi). " +
    "Silakan ketik pesan Anda.",
};
