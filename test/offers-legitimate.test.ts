import { describe, expect, it } from "vitest";
import { createOfferChecker } from "../src/core/offers/index.js";

const checker = createOfferChecker();

/**
 * Legitimate offers of the three kinds the issue names (licensed P3MI on the official route, government
 * programmes, domestic jobs), worded freshly here: none may be rated high, and the signals that make them
 * legitimate must be recognised and explained.
 */
const LEGITIMATE: { text: string; signals: string[] }[] = [
  {
    text:
      "PT Bumi Karya Sejahtera (P3MI, SIP3MI No. 45/2025) membuka job order operator produksi di Malaysia. " +
      "Daftar di Disnaker, medical, pelatihan, tanda tangan perjanjian kerja, visa kerja, BPJS Ketenagakerjaan dan OPP di BP3MI. " +
      "Tidak dipungut biaya penempatan.",
    signals: ["licensed_agency", "official_channel", "work_visa", "contract_before_departure", "social_security", "pre_departure_orientation", "no_fee"],
  },
  {
    text:
      "Licensed placement agency recruiting caregivers for a nursing home in Taichung, Taiwan. Training and competency test first; " +
      "employment contract and work visa are completed before departure. Registration through LTSA; passports stay with the workers.",
    signals: ["licensed_agency", "official_channel", "work_visa", "contract_before_departure"],
  },
  {
    text:
      "Pengumuman: pendaftaran program G to G ke Korea (EPS) sektor manufaktur dibuka lewat siskop2mi.bp2mi.go.id. " +
      "Biaya ujian dibayar ke bank yang ditunjuk. Waspada calo yang menjanjikan kelulusan dengan bayaran!",
    signals: ["government_programme", "official_channel"],
  },
  {
    text:
      "Government-to-government nurse placement in Germany: registration only through the ministry's official channel, " +
      "German language course provided, work visa and contract arranged before departure. Beware of agents asking for money.",
    signals: ["government_programme", "official_channel", "work_visa"],
  },
  {
    text:
      "Dibutuhkan segera staf admin gudang di Cikarang, Bekasi. Min SMA, pengalaman 1 tahun, gaji UMK. " +
      "Lamaran diantar ke kantor kami di Jl. Industri Selatan No. 8. Tanpa biaya.",
    signals: ["domestic_job", "office_interview", "no_fee"],
  },
  {
    text: "lowongan kurir di Makassar, daftar lewat aplikasi resmi, verifikasi dokumen di kantor cabang. gratis tanpa pungutan",
    signals: ["domestic_job", "official_channel", "no_fee"],
  },
  {
    text: "Hiring a barista for our café in Denpasar, Bali. Training provided, Rp 3.5 million/month plus service charge. Walk-in interview at the café.",
    signals: ["domestic_job", "office_interview"],
  },
  {
    text:
      "P3MI berizin mencari room attendant untuk hotel di Abu Dhabi. Employment visa dan kontrak kerja sebelum berangkat, " +
      "tiket pesawat ditanggung employer, tidak ada potongan gaji. Proses lewat LTSA dan BP3MI.",
    signals: ["licensed_agency", "work_visa", "contract_before_departure"],
  },
];

describe("legitimate offers", () => {
  for (const { text, signals } of LEGITIMATE) {
    it(`is not rated high: ${text.slice(0, 60)}`, async () => {
      const c = await checker.check(text, { lang: "en" });
      expect(c.risk, `flags: ${c.flags.map((f) => f.id).join(", ")}`).not.toBe("high");
      const found = c.positives.map((p) => p.id);
      expect(found).toEqual(expect.arrayContaining(signals));
      for (const p of c.positives) expect(p.explanation.length).toBeGreaterThan(10);
    });
  }

  it("rates a plain domestic job low, with no red flag stronger than a missing address", async () => {
    const c = await checker.check("Toko roti di Yogyakarta butuh kasir. SMA, jujur. Gaji UMK. Lamaran ke toko kami di Jl. Malioboro 10.");
    expect(c.risk).toBe("low");
    expect(c.flags.map((f) => f.id).every((id) => id === "vague_job_or_employer")).toBe(true);
    expect(c.advice).not.toContain("0800-1000");
  });

  it("does not let official words talk a tourist-visa offer down", async () => {
    const c = await checker.check(
      "P3MI resmi terdaftar SISKOP2MI! Kerja restoran di Jepang, berangkat pakai visa kunjungan, biaya proses 15 juta ke rekening pribadi.",
    );
    expect(c.risk).toBe("high");
    expect(c.positives.map((p) => p.id)).not.toContain("work_visa");
  });
});
