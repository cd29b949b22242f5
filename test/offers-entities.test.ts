import { describe, expect, it } from "vitest";
import { createOfferChecker } from "../src/core/offers/index.js";

const checker = createOfferChecker();
const entities = async (text: string) => (await checker.check(text, { lang: "en" })).entities;

describe("entities extracted from an offer", () => {
  it("finds phone numbers in E.164, including wa.me links, and not dates or ID numbers", async () => {
    const e = await entities(
      "Hubungi 0812-3456-7890 atau +60 12-345 6789, wa.me/6281298765432. Tgl 2024-01-15, NIK 3201234567890001.",
    );
    expect(e.phones).toContain("+6281234567890");
    expect(e.phones).toContain("+60123456789");
    expect(e.phones).toContain("+6281298765432");
    expect(e.phones.some((p) => p.includes("2024"))).toBe(false);
    expect(e.phones.some((p) => p.includes("3201234567890001"))).toBe(false);
  });

  it("finds @handles and links, not e-mail addresses", async () => {
    const e = await entities("DM @kerja_luar.id or join t.me/lokerLN and https://bit.ly/abc123. Email hr@contoh.com, site www.contoh.co.id.");
    expect(e.handles).toEqual(["@kerja_luar.id"]);
    expect(e.links).toEqual(expect.arrayContaining(["t.me/lokerLN", "https://bit.ly/abc123", "www.contoh.co.id"]));
    expect(e.links.some((l) => l.includes("hr@"))).toBe(false);
  });

  it("finds company names in their local legal forms", async () => {
    const e = await entities(
      "PT Maju Jaya Abadi dan P.T. Sinar Terang bekerja sama dengan CV Berkah, Golden Palm Sdn Bhd, Lucky Star Co., Ltd. dan PT [nama perusahaan].",
    );
    expect(e.companies).toEqual(
      expect.arrayContaining(["PT Maju Jaya Abadi", "P.T. Sinar Terang", "CV Berkah", "Golden Palm Sdn Bhd", "Lucky Star Co., Ltd.", "PT [nama perusahaan]"]),
    );
  });

  it('does not take "ditanggung PT." for a company name', async () => {
    expect((await entities("Tiket ditanggung PT. Berangkat minggu depan.")).companies).toEqual([]);
  });

  it("names destinations by country, cities with their country, and not a language", async () => {
    const e = await entities("Kerja di Sihanoukville atau Kamboja lainnya, lalu ke Malaysia. Harus bisa bahasa Inggris dan bahasa Jepang.");
    expect(e.destinations).toEqual(["Sihanoukville, Cambodia", "Cambodia", "Malaysia"]);
  });

  it("normalises salaries to ISO currencies with period and range", async () => {
    const cases: [string, { amount: number; currency: string; period?: string; max?: number }][] = [
      ["Gaji Rp 5.500.000/bulan", { amount: 5_500_000, currency: "IDR", period: "month" }],
      ["gaji 9jt bersih", { amount: 9_000_000, currency: "IDR" }],
      ["gaji 12-18 juta", { amount: 12_000_000, max: 18_000_000, currency: "IDR" }],
      ["gaji 2,5 jt per minggu", { amount: 2_500_000, currency: "IDR", period: "week" }],
      ["Salary $1000-1500/month", { amount: 1000, max: 1500, currency: "USD", period: "month" }],
      ["salary USD 1,200 monthly", { amount: 1200, currency: "USD", period: "month" }],
      ["gaji 1.300 USD", { amount: 1300, currency: "USD" }],
      ["gaji RM 2.000 sebulan", { amount: 2000, currency: "MYR", period: "month" }],
      ["gaji MYR1800", { amount: 1800, currency: "MYR" }],
      ["THB 60,000/month", { amount: 60_000, currency: "THB", period: "month" }],
      ["gaji 50 ribu baht", { amount: 50_000, currency: "THB" }],
      ["gaji NT$ 28.590", { amount: 28_590, currency: "TWD" }],
      ["gaji ¥200,000 per bulan", { amount: 200_000, currency: "JPY", period: "month" }],
      ["upah 100 ribu per hari", { amount: 100_000, currency: "IDR", period: "day" }],
    ];
    for (const [text, want] of cases) {
      const [s, ...rest] = (await entities(text)).salaries;
      expect(rest, text).toEqual([]);
      expect(s, text).toMatchObject(want);
      if (!want.max) expect(s?.max, text).toBeUndefined();
      if (!want.period) expect(s?.period, text).toBeUndefined();
    }
  });

  it("does not take fees, penalties or ages for salaries", async () => {
    const e = await entities("Biaya proses 4 juta, DP Rp2.500.000, USD 3,000 penalty if you resign, usia 18-35.");
    expect(e.salaries).toEqual([]);
  });
});
