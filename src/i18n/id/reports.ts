/** Teks untuk pengguna (Bahasa Indonesia): reports. */
import type { Texts } from "../types.js";

export const reports: Texts["reports"] = {
  chooseKind: "Apa yang ingin Anda laporkan?",
  kinds: {
    missing_person: "Ada orang hilang",
    recruiter: "Perekrut atau tawaran kerja",
    danger_now: "Ada orang dalam bahaya sekarang",
    other: "Hal lain",
  },
  kindNames: {
    missing_person: "orang hilang",
    recruiter: "perekrut / tawaran kerja",
    danger_now: "orang dalam bahaya",
    other: "lainnya",
  },
  // Nomor dari fact sheet: polisi 110 (F-78), KP2MI +62 21 29244800 dari luar negeri (F-70).
  dangerFirst:
    "Jika ada nyawa dalam bahaya sekarang, telepon polisi: 110 (di Indonesia). Dari luar negeri, hubungi KP2MI: +62 21 29244800, atau KBRI terdekat.",

  consent: (days: number) =>
    "Sebelum mulai, mohon baca ini:\n" +
    "• Kami menyimpan isi laporan Anda, dan alamat chat ini supaya kami bisa membalas Anda.\n" +
    "• Tujuannya: agar petugas terlatih bisa membantu dan menindaklanjuti.\n" +
    `• Berapa lama: sampai kasus ditutup, lalu ${days} hari lagi. Setelah itu kami hapus.\n` +
    "• Siapa yang melihat: hanya petugas yang menangani laporan. Kontak Anda hanya terlihat jika Anda memberikannya.\n" +
    "Kami tidak pernah menyimpan lokasi atau data perangkat Anda. Anda boleh tanpa nama. Anda bisa menghapus semuanya kapan saja dengan /hapus.\n" +
    "Apakah Anda setuju?",
  consentYes: "Ya, saya setuju",
  consentNo: "Tidak",
  consentDeclined: "Baik. Tidak ada yang disimpan. Anda tetap bisa bertanya. Jika Anda dalam bahaya, telepon 110.",

  questions: {
    name: "Siapa nama orang yang hilang?",
    age: "Berapa umurnya? (angka)",
    relationship: "Dia siapa Anda?",
    destinationCountry: "Dia pergi ke negara mana?",
    destinationCity: "Kota atau daerah mana, kalau tahu?",
    employer: "Siapa yang memberangkatkan atau mempekerjakannya? (perusahaan, nama atau nomor agen)",
    lastContactDate: "Kapan terakhir ada kabar darinya? (misalnya 15/03/2025)",
    lastContactChannel: "Terakhir bicara lewat apa?",
    photo: "Kalau ada fotonya, kirim sekarang. Atau pilih Lewati.",
    offerText: "Tempel tawaran kerja atau pesan yang Anda terima, kalau ada.",
    recruiterName: "Siapa nama perekrut atau perusahaannya?",
    recruiterContact: "Nomor HP, akun, atau link mereka?",
    howContacted: "Mereka menghubungi Anda lewat apa?",
    where: "Di mana orang itu sekarang? (negara, kota, gedung, apa saja yang Anda tahu)",
    howMany: "Berapa orang yang dalam bahaya? (angka)",
    whatIsHappening: "Apa yang terjadi? Beberapa kata saja cukup.",
    description: "Ceritakan apa yang ingin Anda laporkan.",
    contact: "Bagaimana petugas bisa menghubungi Anda? (nomor HP atau akun)\nPilih Lewati agar tetap tanpa nama.",
  },
  labels: {
    name: "Nama",
    age: "Umur",
    relationship: "Hubungan",
    destinationCountry: "Negara",
    destinationCity: "Kota / daerah",
    employer: "Diberangkatkan / dipekerjakan oleh",
    lastContactDate: "Kabar terakhir",
    lastContactChannel: "Kabar terakhir lewat",
    photo: "Foto",
    offerText: "Tawaran",
    recruiterName: "Perekrut",
    recruiterContact: "Kontak perekrut",
    howContacted: "Dihubungi lewat",
    where: "Lokasi",
    howMany: "Jumlah orang",
    whatIsHappening: "Yang terjadi",
    description: "Laporan",
    contact: "Kontak Anda",
  },
  choices: {
    relationship: {
      child: "Anak saya",
      spouse: "Suami / istri saya",
      sibling: "Kakak / adik saya",
      parent: "Orang tua saya",
      relative: "Keluarga lain",
      friend: "Teman",
      other: "Lainnya",
    },
    lastContactChannel: {
      whatsapp: "WhatsApp",
      phone_sms: "Telepon / SMS",
      telegram: "Telegram",
      facebook: "Facebook / Messenger",
      other: "Lainnya",
    },
    howContacted: {
      whatsapp: "WhatsApp",
      facebook: "Facebook",
      telegram: "Telegram",
      tiktok_instagram: "TikTok / Instagram",
      in_person: "Bertemu langsung",
      other: "Lainnya",
    },
  },
  photoAttached: "foto terlampir",
  anonymous: "tanpa nama (tanpa kontak)",
  currentAnswer: (value: string) => `Jawaban Anda sekarang: ${value}`,

  skip: "Lewati",
  back: "Kembali",
  cancel: "Batalkan laporan",
  errors: {
    required: "Bagian ini perlu diisi. Silakan ketik jawaban, atau batalkan laporan.",
    empty: "Mohon ketik jawaban, atau pilih Lewati.",
    tooLong: (max: number, length: number) =>
      `Terlalu panjang (${length.toLocaleString("id")} huruf). Mohon persingkat menjadi paling banyak ${max.toLocaleString("id")} huruf.`,
    notNumber: "Mohon ketik angka, misalnya 25.",
    numberRange: (min: number, max: number) => `Mohon ketik angka dari ${min} sampai ${max}.`,
    badDate: "Tanggalnya tidak terbaca. Mohon ketik seperti 15/03/2025.",
    future_date: "Tanggal itu belum terjadi. Mohon periksa lagi.",
    too_old_date: "Tanggal itu terlalu lama. Mohon periksa lagi.",
    pickOption: "Mohon pilih salah satu pilihan.",
    needPhoto: "Mohon kirim foto, atau pilih Lewati.",
    recruiter_needs_detail: "Mohon isi paling tidak tawarannya, nama perekrut, atau kontaknya.",
    invalid: "Jawaban itu tidak bisa dipakai. Mohon coba lagi.",
  },

  summaryTitle: "Mohon periksa laporan Anda:",
  confirmQuestion: "Kirim ke petugas?",
  send: "Kirim",
  edit: "Ubah sesuatu",
  editWhich: "Apa yang ingin diubah?",
  cancelled: "Laporan dibatalkan. Tidak ada yang terkirim, dan jawaban Anda sudah dihapus.",
  submitted: (ref: string, within: string) =>
    `Terkirim. Nomor laporan Anda: ${ref}\n` +
    `Simpan baik-baik. Untuk cek laporan, kirim: /status ${ref}\n` +
    `Petugas berusaha membalas dalam ${within}. Kami akan mengirim kabar di sini.`,
  alreadySent: (ref: string) => `Laporan ini sudah terkirim. Nomor laporan Anda: ${ref}\nUntuk cek laporan, kirim: /status ${ref}`,
  submitFailed: "Maaf, laporan belum bisa terkirim sekarang. Jawaban Anda tetap tersimpan. Mohon pilih Kirim lagi sebentar lagi.",
  inProgress: "Anda sedang mengisi laporan.",
  continueReport: "Lanjutkan laporan",
  flowHelp: "Anda sedang mengisi laporan. Jawab pertanyaannya, atau pilih Lewati, Kembali, atau Batalkan laporan.",
  durations: {
    minutes: (n: number) => `${n} menit`,
    hours: (n: number) => `${n} jam`,
    days: (n: number) => `${n} hari`,
  },

  statusLabels: {
    new: "Diterima, menunggu petugas",
    claimed: "Sedang ditangani petugas",
    needs_info: "Petugas butuh informasi tambahan dari Anda",
    escalated: "Diteruskan ke tim khusus",
    closed: "Selesai",
  },
  statusReply: (ref: string, kind: string, status: string, sent: string) =>
    `Laporan ${ref} (${kind})\nStatus: ${status}\nDikirim: ${sent}`,
  statusDue: (due: string) => `Petugas berusaha membalas paling lambat ${due}.`,
  statusUnknown: (ref: string) => `Tidak ada laporan dengan nomor ${ref}. Mohon periksa nomornya dan coba lagi.`,
  statusAsk: "Mohon kirim nomor laporan Anda, misalnya LTR-7K3Q-9D.",
  statusMine: (refs: string) => `Laporan Anda dari chat ini: ${refs}`,
  timeZone: "WIB",

  noticeQuestion: (ref: string, question: string) =>
    `Petugas punya pertanyaan tentang laporan ${ref}:\n"${question}"\nBalas saja di sini untuk menjawab.`,
  noticeStatus: (ref: string, status: string) => `Kabar laporan ${ref}: ${status}.`,
  noticeNote: (note: string) => `Pesan dari petugas: "${note}"`,
  replyForwarded: (ref: string) => `Terima kasih. Jawaban Anda sudah dikirim ke petugas (laporan ${ref}).`,

  deleteConfirm:
    "Ini akan menghapus semua laporan Anda dan semua yang Anda ceritakan di sini. Petugas tidak bisa lagi menghubungi Anda tentang laporan itu. Hapus semuanya?",
  deleteYes: "Ya, hapus semuanya",
  deleteNo: "Tidak, simpan",
  deleteDone: (n: number) =>
    n === 0 ? "Selesai. Data Anda di sini sudah dihapus." : `Selesai. ${n} laporan dan data Anda di sini sudah dihapus.`,
  deleteKept: "Baik, tidak ada yang dihapus.",
};
