/** Teks untuk pengguna (Bahasa Indonesia): whatsapp. */
import type { Texts } from "../types.js";

export const whatsapp: Texts["whatsapp"] = {
  listButton: "Pilih",
  choose: "Silakan pilih:",
  numberedHint: "Balas dengan nomor pilihan Anda.",
  rateLimited:
    "Anda mengirim pesan lebih cepat daripada yang bisa saya jawab. Mohon tunggu satu menit, lalu kirim lagi pesan Anda. " +
    "Jika Anda dalam bahaya sekarang, hubungi polisi di 110.",
  sorry: "Maaf, ada gangguan di sistem kami. Silakan coba lagi sebentar lagi.",
  unsupported:
    "Saya bisa membaca teks, foto, dan dokumen, tetapi tidak jenis pesan ini (misalnya pesan suara, stiker, atau lokasi). " +
    "Silakan ketik pesan Anda.",
};
