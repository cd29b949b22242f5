import { describe, expect, it } from "vitest";
import { createOfferChecker } from "../src/core/offers/index.js";

const checker = createOfferChecker();

describe("looksLikeOffer: a pasted or forwarded offer, not a question", () => {
  const offers = [
    "DIBUTUHKAN SEGERA staf admin untuk perusahaan di luar negeri. Gaji 12 juta, mess & tiket ditanggung. Syarat: usia 18-35, bisa komputer. Minat hubungi WA 0812-3456-7890",
    "Hiring chat support in Manila. USD 1,200/month, free accommodation, no experience needed. DM this page to apply!",
    "info loker bos, kerja di kamboja gaji 9jt, mess ac makan 3x, tiket pp ditanggung. yg minat japri",
    "Lowongan kasir minimarket cabang Bekasi. Syarat min SMA, usia 18-25. Lamaran ke kantor cabang. Tidak dipungut biaya.",
    "Kerja di Jepang gaji 25 juta, berangkat pakai visa kunjungan, biaya 15 juta. Ini aman gak ya?",
  ];
  const questions = [
    "Apakah kerja di Kamboja aman?",
    "gimana cara daftar kerja ke korea yg resmi?",
    "How do I check if a recruitment agency is licensed?",
    "berapa biaya bikin paspor?",
    "halo",
    "Saya mau tanya soal visa kerja ke Taiwan, syaratnya apa saja?",
    "",
  ];
  for (const text of offers) it(`offer: ${text.slice(0, 50)}`, () => expect(checker.looksLikeOffer(text)).toBe(true));
  for (const text of questions) it(`not an offer: ${text.slice(0, 50) || "(empty)"}`, () => expect(checker.looksLikeOffer(text)).toBe(false));
});

describe("agencyQuery: a question about one company", () => {
  const cases: [string, string | undefined][] = [
    ["cek PT Maju Jaya", "PT Maju Jaya"],
    ["apakah P.T. Sinar Abadi resmi?", "PT Sinar Abadi"],
    ["is Golden Palm Sdn Bhd licensed?", "Golden Palm Sdn Bhd"],
    ["agen Berkah Mandiri terdaftar gak", "Berkah Mandiri"],
    ["gimana cara kerja di jepang?", undefined],
    ["cek tawaran ini dong", undefined],
  ];
  for (const [text, want] of cases) it(text, () => expect(checker.agencyQuery(text)).toBe(want));
});
