/** Teks untuk pengguna (Bahasa Indonesia): telegram. */
import type { Texts } from "../types.js";

export const telegram: Texts["telegram"] = {
  menu: [
    { command: "start", description: "Tentang bot ini, privasi, menu utama" },
    { command: "cek", description: "Cek tanda bahaya di tawaran kerja" },
    { command: "lapor", description: "Lapor perekrut, orang hilang, atau orang dalam bahaya" },
    { command: "status", description: "Cek laporan: /status NOMOR-REFERENSI" },
    { command: "bahasa", description: "Bahasa Indonesia / English" },
    { command: "hapus", description: "Hapus data saya" },
    { command: "help", description: "Cara memakai bot ini" },
  ],
  unsupported:
    "Saya bisa membaca teks, foto, dan dokumen, tetapi belum bisa membaca jenis pesan ini (misalnya pesan suara atau stiker). " +
    "Silakan ketik pesan Anda.",
  privateOnly: "Demi keamanan Anda, saya hanya melayani lewat chat pribadi. Silakan buka chat pribadi dengan saya.",
} as const;
