/** Teks untuk pengguna (Bahasa Indonesia): common. */
import type { Texts } from "../types.js";

export const common: Texts["common"] = {
  welcome:
    "Halo, saya Lentera. Saya membantu Anda bekerja di luar negeri dengan aman.\n" +
    "• Tanya apa saja tentang cara kerja ke luar negeri yang resmi.\n" +
    "• Kirim tawaran kerja, saya periksa tanda bahayanya.\n" +
    "• Laporkan orang hilang, perekrut, atau orang dalam bahaya.\n" +
    "Dalam bahaya sekarang? Telepon polisi: 110, atau ceritakan apa yang terjadi.",
  help:
    "Yang bisa Anda kirim:\n" +
    "/cek – periksa tawaran kerja\n" +
    "/lapor – buat laporan\n" +
    "/status NOMOR – cek laporan Anda\n" +
    "/bahasa – ganti bahasa\n" +
    "/hapus – hapus data Anda\n" +
    "Atau langsung ketik pertanyaan Anda.\n" +
    "Dalam bahaya sekarang? Telepon polisi: 110.",
  menu: {
    check: "Periksa tawaran kerja",
    report: "Buat laporan",
    status: "Cek laporan saya",
    language: "Bahasa / Language",
    delete: "Hapus data saya",
  },
  chooseLanguage: "Pilih bahasa / Choose your language:",
  languageNames: { id: "Bahasa Indonesia", en: "English" },
  languageSet: "Baik, saya akan menjawab dalam Bahasa Indonesia.",
  empty: "Mohon ketik pesan. Kirim /help untuk melihat apa yang bisa saya bantu.",
  nothingToCancel: "Tidak ada yang perlu dibatalkan.",
  error: "Maaf, ada gangguan di sistem kami. Mohon coba lagi sebentar lagi.",
  tooLong: (max: number) => `Pesan itu terlalu panjang. Mohon kirim paling banyak ${max.toLocaleString("id")} huruf sekali kirim.`,
  rateLimited:
    "Anda mengirim pesan lebih cepat daripada yang bisa saya jawab. Mohon tunggu satu menit, lalu kirim lagi pesan Anda. " +
    "Jika Anda dalam bahaya sekarang, hubungi polisi di 110.",
  reportDanger: "Laporkan sekarang ke petugas",
  source: (titles: string) => `Sumber: ${titles}`,

  offerAsk: "Tempel atau teruskan tawaran kerjanya di sini. Saya akan periksa tanda bahayanya.",
  offerRisk: {
    high: "RISIKO TINGGI. Tawaran ini punya tanda penipuan atau perdagangan orang. Mohon jangan berangkat, dan jangan bayar apa pun.",
    medium: "Hati-hati. Tawaran ini punya beberapa tanda bahaya. Periksa baik-baik sebelum memutuskan.",
    low: "Saya tidak menemukan tanda bahaya yang kuat. Tetap pastikan agensinya berizin sebelum membayar atau berangkat.",
  },
  offerFlagsTitle: "Tanda bahaya:",
  offerPositivesTitle: "Tanda baik:",
  offerEvidence: (words: string) => `("${words}")`,
  offerFound: (items: string) => `Ditemukan di tawaran: ${items}`,
  offerReport: "Laporkan perekrut ini",
  offerCheckAnother: "Periksa tawaran lain",

  consoleIntro: "Chat Lentera. Ketik pesan lalu tekan Enter. Untuk memilih, ketik nomornya. Ctrl+D untuk keluar.",
  consoleNoChannels:
    "Token Telegram atau WhatsApp belum diisi, jadi Lentera berjalan di konsol ini.\n" +
    "Untuk menyambungkan kanal, isi di .env (lihat .env.example dan README):\n" +
    "• Telegram: TELEGRAM_BOT_TOKEN\n" +
    "• WhatsApp: WHATSAPP_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN\n" +
    "• Slack (untuk petugas): SLACK_BOT_TOKEN, SLACK_APP_TOKEN atau SLACK_SIGNING_SECRET, SLACK_TRIAGE_CHANNEL",
  startedChannels: (names: string) => `Lentera berjalan: ${names}. Tekan Ctrl+C untuk berhenti.`,
  listening: (url: string) => `Webhook dan cek kesehatan: ${url}`,
  stopping: "Menghentikan…",
};
