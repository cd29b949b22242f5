/** Teks untuk pengguna (Bahasa Indonesia): offers (pemeriksa tawaran kerja). Fakta dari shared/facts/fact-sheet.md (nomor F-nn). */
import type { Texts } from "../types.js";

const list = (items: readonly string[]) => items.join(", ");

export const offers: Texts["offers"] = {
  flags: {
    // F-60, F-62.
    unrealistic_salary:
      "Perekrut penipu memancing dengan gaji sangat tinggi untuk kerja sederhana, misalnya sekitar USD 1.000–1.200 sebulan untuk “customer service” atau “marketing” (Kemlu).",
    // F-39, F-61.
    no_skills_required:
      "Kemlu mengingatkan soal lowongan luar negeri yang tidak meminta kualifikasi; perusahaan scam hanya minta bisa mengetik cepat dan punya paspor.",
    // F-64.
    social_media_recruiter:
      "Perekrut penipu bekerja lewat media sosial dan chat pribadi (WhatsApp, Telegram, TikTok, Facebook), bukan dari kantor yang bisa Anda datangi.",
    // F-13, F-39, F-41.
    tourist_visa:
      "Bekerja di luar negeri wajib memakai visa kerja: berangkat kerja dengan visa turis, kunjungan atau umroh itu nonprosedural, dan petugas imigrasi bisa menunda keberangkatan Anda.",
    // F-40, F-52.
    third_country_transit:
      "Rute lewat negara lain atau jalur darat menyembunyikan tujuan sebenarnya: banyak yang dibawa ke Kamboja lewat Singapura atau Filipina, dan Myawaddy di Myanmar ada di perbatasan Thailand.",
    // F-63.
    employer_pays_travel: "Tiket dan tempat tinggal gratis adalah umpan yang sering dipakai perusahaan palsu (KBRI Phnom Penh).",
    // F-61, F-62.
    vague_job_or_employer:
      "Tidak ada nama perusahaan dan alamat yang bisa dicek, atau hanya jabatan samar seperti “admin” atau “customer service”, seperti iklan scam.",
    // F-19, F-34.
    unlicensed_recruiter:
      "Hanya perusahaan penempatan berizin (P3MI dengan SIP3MI) yang boleh merekrut PMI; orang perseorangan yang menempatkan PMI melakukan tindak pidana (UU 18/2017 Pasal 69 dan 81).",
    // F-31, F-36, F-101.
    bypasses_official_process:
      "Melewatkan Disnaker/LTSA, kontrak, BPJS, OPP atau pemeriksaan imigrasi membuat Anda kehilangan perlindungan jalur resmi; keluar negeri tanpa pemeriksaan imigrasi juga tindak pidana.",
    // F-18.
    upfront_payment:
      "PMI tidak boleh dibebani biaya penempatan (UU 18/2017 Pasal 30), jadi perekrut yang minta biaya atau DP adalah tanda bahaya.",
    // F-64.
    urgency_pressure: "Tenggat yang mepet adalah taktik penipu supaya Anda tidak sempat mengecek tawaran.",
    // F-64, F-65.
    passport_retention: "Paspor harus tetap Anda pegang: perusahaan scam menahan paspor pekerja supaya mereka tidak bisa pergi.",
    // F-66, F-67.
    secrecy_or_lying:
      "Disuruh merahasiakan dari keluarga atau berbohong kepada imigrasi adalah tanda keberangkatan ilegal; Kemlu menyebut perekrut meminta calon pekerja memberi data tidak benar.",
    // F-90, F-18.
    debt_or_penalty:
      "Potong gaji untuk membayar biaya perekrutan atau denda kalau berhenti bisa menjerat Anda dalam utang (jeratan utang), salah satu cara perdagangan orang menurut UU 21/2007.",
    // F-111, F-64.
    scam_or_gambling_work:
      "WNI yang dikirim ke pekerjaan seperti ini berakhir di judi online atau penipuan daring, dipaksa menipu orang lain.",
    // F-11.
    underage_recruitment: "Usia minimal PMI adalah 18 tahun (UU 18/2017 Pasal 5).",
  },
  destination: {
    // F-50, F-51.
    not_placement: (countries: readonly string[]) =>
      `Pemerintah tidak punya kerja sama penempatan dengan ${list(countries)} dan melarang WNI bekerja di sana, jadi ini tidak mungkin penempatan resmi.`,
    // F-54, F-138.
    scam_hotspot: (countries: readonly string[]) =>
      `${list(countries)} termasuk negara tempat Kemlu menangani banyak kasus online scam yang melibatkan WNI.`,
    // F-52, F-136.
    border_area:
      "Daerah perbatasan seperti Myawaddy di perbatasan Thailand–Myanmar adalah tempat WNI diselamatkan dari markas scam; menurut Kemlu kasus di sana paling sulit ditangani.",
    // F-46.
    middle_east_domestic: (countries: readonly string[]) =>
      `Sejak 2015 Indonesia menghentikan penempatan pekerja rumah tangga pada pengguna perseorangan di Timur Tengah (${list(countries)}); tanyakan ke BP3MI apakah sudah berubah.`,
  },
  countries: {
    "Cambodia": "Kamboja",
    "Myanmar": "Myanmar",
    "Thailand": "Thailand",
    "Laos": "Laos",
    "Philippines": "Filipina",
    "Vietnam": "Vietnam",
    "Saudi Arabia": "Arab Saudi",
    "United Arab Emirates": "Uni Emirat Arab",
    "Qatar": "Qatar",
    "Kuwait": "Kuwait",
    "Oman": "Oman",
    "Bahrain": "Bahrain",
    "Jordan": "Yordania",
    "Middle East": "Timur Tengah",
  },
  positives: {
    licensed_agency: "Menyebut perusahaan penempatan berizin (P3MI / SIP3MI): cek sendiri izinnya di SISKOP2MI.",
    official_channel: "Mengarah ke jalur resmi (Disnaker/LTSA, BP3MI, SISKOP2MI atau situs resmi).",
    // F-42, F-44.
    government_programme: "Program antarpemerintah (G to G), yang pendaftarannya hanya lewat jalur resmi.",
    // F-13.
    work_visa: "Menyebut visa kerja, yang wajib di jalur resmi.",
    // F-13, F-15.
    contract_before_departure: "Menyebut perjanjian kerja atau perjanjian penempatan tertulis.",
    // F-37.
    social_security: "Menyebut BPJS Ketenagakerjaan, yang wajib diikuti PMI sebelum berangkat.",
    // F-36.
    pre_departure_orientation: "Menyebut Orientasi Pra Pemberangkatan (OPP), tahap wajib jalur resmi.",
    // F-18.
    no_fee: "Menyatakan pekerja tidak dipungut biaya, sesuai aturan.",
    domestic_job: "Pekerjaannya di Indonesia.",
    office_interview: "Lamaran atau wawancara di kantor yang bisa Anda datangi.",
    verifiable_employer: "Ada nama perusahaan dan alamat yang bisa dicek.",
  },
  agency: {
    licensed: (name: string, licence: string) =>
      `${name} terdaftar sebagai perusahaan penempatan berizin${licence ? ` (izin ${licence})` : ""}.`,
    revoked_or_expired: (name: string) => `${name} ada di daftar, tetapi izinnya dicabut atau habis: tidak boleh merekrut.`,
    not_found: (name: string) =>
      `${name} tidak ada di daftar perusahaan penempatan berizin: cek ejaannya di SISKOP2MI atau tanyakan ke Disnaker/BP3MI.`,
    // F-33, F-34.
    no_registry:
      "Daftar perusahaan penempatan berizin belum dimuat di sini: cek perusahaannya di SISKOP2MI (siskop2mi.bp2mi.go.id) atau tanyakan ke Disnaker/LTSA atau BP3MI setempat.",
  },
  advice: {
    high: "Jangan bayar apa pun, jangan kirim paspor atau KTP, dan jangan berangkat dengan tawaran ini.",
    medium: "Cek tawaran ini baik-baik sebelum membayar, mengirim dokumen atau berangkat.",
    low: "Tidak ada tanda bahaya yang ditemukan, tetapi tetap cek sebelum membayar atau menandatangani apa pun.",
    // F-33, F-34.
    verify:
      "Cek izin perusahaan (SIP3MI) di SISKOP2MI (siskop2mi.bp2mi.go.id), atau tanyakan ke Disnaker/LTSA setempat atau kantor BP3MI.",
    // F-13, F-31, F-36.
    legalRoute:
      "Jalur resmi: daftar di Disnaker/LTSA, tanda tangan perjanjian penempatan dan perjanjian kerja, punya visa kerja dan BPJS Ketenagakerjaan, lalu ikut OPP sebelum berangkat.",
    // F-18, F-22.
    zeroCost: "Menurut undang-undang, PMI tidak boleh dibebani biaya penempatan (UU 18/2017 Pasal 30).",
    // F-50.
    cambodia: "Kamboja bukan negara penempatan PMI.",
    // F-70, F-78.
    report: "Untuk melaporkan perekrut: call center KP2MI 0800-1000 (gratis) atau polisi 110. Anda juga bisa melapor di sini dengan /lapor.",
  },
  cli: {
    imported: (inserted: number, updated: number, skipped: number) =>
      `${inserted} agensi baru dan ${updated} agensi diperbarui (${skipped} baris dilewati).`,
    badRow: (line: number, reason: string) => `Baris ${line} dilewati: ${reason}`,
    noNameColumn: "CSV tidak punya kolom nama (name / nama / nama_perusahaan / company).",
    registrySize: (count: number) => `Daftar berisi ${count} agensi.`,
    emptyInput: "Tidak ada teks tawaran di standard input.",
  },
};
