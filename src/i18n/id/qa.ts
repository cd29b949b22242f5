/** Teks untuk pengguna (Bahasa Indonesia): qa. */
import type { Texts } from "../types.js";

export const qa: Texts["qa"] = {
  outOfScope:
    "Maaf, saya tidak bisa membantu soal itu. Saya bisa menjawab pertanyaan tentang kerja ke luar negeri " +
    "secara resmi dan aman, memeriksa tanda bahaya tawaran kerja, dan menerima laporan perdagangan orang atau " +
    "keluarga yang hilang. Untuk bicara dengan petugas, hubungi call center KP2MI 0800-1000 (bebas pulsa di Indonesia).",
  unsure:
    "Maaf, saya belum punya jawaban yang pasti dari sumber saya. Coba tanyakan dengan kata lain, atau hubungi petugas: " +
    "call center KP2MI 0800-1000 (bebas pulsa di Indonesia), atau Disnaker/BP3MI terdekat. " +
    "Saya juga bisa memeriksa tawaran kerja atau menerima laporan.",
  unreadable:
    "Saya tidak menemukan pertanyaan dalam pesan itu. Mohon ketik pertanyaan Anda dengan kata-kata. Saya bisa membantu " +
    "soal kerja ke luar negeri yang aman, memeriksa tawaran kerja, dan melaporkan perdagangan orang.",
  danger:
    "⚠️ Jika Anda dalam bahaya sekarang, segera minta bantuan:\n" +
    "• Di Indonesia: polisi 110 · call center KP2MI 0800-1000 (bebas pulsa) · SAPA 129 (perempuan dan anak)\n" +
    "• Di luar negeri: KBRI — Phnom Penh WA +855 12 813 282, Bangkok +66 92-903-1103; " +
    "tombol darurat aplikasi Safe Travel; KP2MI dari luar negeri +62 21 29244800\n" +
    "Jika bisa, kirim lokasi Anda dan simpan foto paspor serta dokumen.",
  dangerReport: "Anda bisa melaporkan ini ke petugas kami sekarang: kirim /lapor. Identitas Anda kami jaga.",
  source: "Sumber",
  sourcesJoiner: "; ",
};
