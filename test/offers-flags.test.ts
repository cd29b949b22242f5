import { describe, expect, it } from "vitest";
import { createOfferChecker } from "../src/core/offers/index.js";
import { FLAG_IDS, type FlagId } from "../src/core/offers/flags.js";
import type { OfferCheck } from "../src/core/ports.js";
import { texts } from "../src/i18n/index.js";

const checker = createOfferChecker();
const check = (text: string, lang?: "id" | "en") => checker.check(text, lang ? { lang } : {});
const flagIds = (c: OfferCheck) => c.flags.map((f) => f.id);

/**
 * Each flag, worded several ways (Indonesian, English, chat slang and typos). None of these texts is in the
 * shared dev set. Every example must raise the flag, quote evidence that really is in the text, and explain
 * it in the requested language.
 */
const EXAMPLES: Record<FlagId, string[]> = {
  unrealistic_salary: [
    "Lowongan admin online di luar negeri, gaji 18 juta per bulan, tanpa pengalaman.",
    "Customer support staff wanted abroad, USD 1,400 monthly, no experience needed.",
    "kerja enak gaji gede bgt, bonus iphone tiap 3 bln!!",
    "Kerja pabrik di Malaysia, tanpa pengalaman, gaji RM 4.000 sebulan.",
    "Translators wanted in Vientiane, salary 1,100 dollars.",
    "kerjaan cuma chat sama customer, gaji 10jtan, lokasi luar negeri",
  ],
  no_skills_required: [
    "Dibutuhkan pekerja pabrik di Malaysia, tidak perlu pengalaman, tidak perlu ijazah.",
    "Anyone can apply, no degree, only need a passport.",
    "syarat cuma bisa baca tulis & punya hp, lulusan apa aja",
  ],
  social_media_recruiter: [
    "Info lowongan ke Taiwan, minat langsung japri ya.",
    "Apply now, send your CV via Telegram to our HR.",
    "yg mau kerja di LN inbox aja atau chat wa 0812xxxx",
    "Loker Taiwan gaji besar. Admin: @loker_ln",
  ],
  tourist_visa: [
    "Berangkat ke Malaysia pakai visa kunjungan, permit kerja diurus setelah sampai.",
    "You will fly on a tourist visa and get your work permit on arrival.",
    "masuk sebagai turis aja dulu, aman kok",
    "Kerja sambil umroh, berangkat pakai visa umroh",
    "Masuk pakai visa C-3 (kunjungan), nanti dialihkan ke E-9 di Korea.",
    "Visa kerja akan diproses setelah kandidat tiba di Filipina.",
  ],
  third_country_transit: [
    "Berangkat dari Medan transit di Kuala Lumpur lalu lanjut jalur darat.",
    "Fly to Bangkok, then our driver brings you across the border.",
    "Nanti kamu dipindah ke cabang di negara lain setelah training.",
    "Kerja di call center Myawaddy. Terbang ke Bangkok, nanti dijemput sepupu.",
    "Rute: Jakarta → Kuala Lumpur → Phnom Penh.",
    "Berangkat dari Pontianak, lewat Entikong.",
  ],
  employer_pays_travel: [
    "Tiket pesawat dan penginapan gratis dari perusahaan.",
    "Free flight and free housing for all new staff overseas.",
    "tiket pp kantor yg bayarin, mess disediakan",
  ],
  vague_job_or_employer: [
    "Dicari staf admin untuk perusahaan internasional, gaji menarik.",
    "Hiring data entry staff for an overseas company, location to be announced.",
    "Loker operator komputer di luar negeri, katanya resmi terdaftar.",
  ],
  high_risk_destination: [
    "Lowongan kerja di Phnom Penh, gaji 12 juta.",
    "Job opening in Myawaddy for Indonesian speakers.",
    "Dicari pembantu rumah tangga untuk majikan di Riyadh, Arab Saudi.",
    "Kerja di kawasan perbatasan Thailand, mess disediakan.",
  ],
  unlicensed_recruiter: [
    "Saya yang urus semua dokumennya, kamu tinggal berangkat.",
    "Om saya di Johor bisa bawa kamu kerja di sana.",
    "Lewat calo lebih cepat, gak usah lewat PT.",
    "My auntie runs a spa in Kuala Lumpur and needs therapists.",
  ],
  bypasses_official_process: [
    "Tidak perlu lewat Disnaker, prosesnya ribet.",
    "No need for the pre-departure orientation or BPJS, we skip all that.",
    "Lewat jalur belakang aja biar cepet, tanpa pelatihan.",
  ],
  upfront_payment: [
    "Biaya administrasi Rp3.000.000 dibayar di muka.",
    "Candidates must pay a processing fee of USD 500 before the interview.",
    "DP 2jt dulu ya kak baru diproses",
    "Tidak ada DP, tapi biaya medical 2 juta dibayar di muka.",
    "just pay 5 million rupiah to me first for the ticket",
    "Uang transport kirim ke rekening saya ya.",
  ],
  urgency_pressure: [
    "Berangkat minggu depan, kuota terbatas!",
    "Only 3 seats left, interview today.",
    "buruan daftar, jgn kelamaan mikir",
  ],
  passport_retention: [
    "Paspor akan dipegang perusahaan selama kontrak.",
    "The agency will keep your passport for safekeeping.",
    "serahkan paspor ke mandor begitu sampai",
  ],
  secrecy_or_lying: [
    "Jangan kasih tahu keluarga dulu sebelum berangkat.",
    "Tell the immigration officer you are going on holiday.",
    "ke petugas bandara ngaku liburan aja ya",
  ],
  debt_or_penalty: [
    "Biaya tiket nanti dipotong dari gaji selama 6 bulan.",
    "A penalty applies if you resign before the contract ends.",
    "kalau kabur kena denda 20 juta",
    "Sebagian gaji ditahan perusahaan sampai kontrak selesai.",
    "If you leave before 6 months you repay the flight.",
  ],
  scam_or_gambling_work: [
    "Dicari operator untuk situs judi online, gaji tinggi.",
    "Team for online casino customer chat, good commission.",
  ],
  underage_recruitment: [
    "Dicari pelayan restoran, usia 16-25 tahun.",
    "Umur 17 th boleh daftar, langsung kerja.",
  ],
};

describe("each red flag is found with evidence and explained", () => {
  for (const id of FLAG_IDS) {
    for (const text of EXAMPLES[id]) {
      it(`${id}: ${text.slice(0, 50)}`, async () => {
        const c = await check(text, "en");
        const flag = c.flags.find((f) => f.id === id);
        expect(flag, `flags found: ${flagIds(c).join(", ")}`).toBeDefined();
        for (const e of flag!.evidence) expect(text.toLowerCase()).toContain(e.replace(/…$/, "").toLowerCase());
        expect(flag!.explanation.length).toBeGreaterThan(20);
      });
    }
  }

  it("explains in the user's language, and in the offer's language when none is given", async () => {
    const text = "Kerja di Kamboja, berangkat pakai visa turis.";
    const id = await check(text, "id");
    const en = await check(text, "en");
    expect(id.flags.find((f) => f.id === "tourist_visa")?.explanation).toBe(texts("id").offers.flags.tourist_visa);
    expect(en.flags.find((f) => f.id === "tourist_visa")?.explanation).toBe(texts("en").offers.flags.tourist_visa);
    expect(en.flags.find((f) => f.id === "high_risk_destination")?.explanation).toContain("Cambodia");
    expect(id.flags.find((f) => f.id === "high_risk_destination")?.explanation).toContain("Kamboja");
    expect((await check(text)).lang).toBe("id");
    expect((await check("Work in Cambodia, travel on a tourist visa, we handle everything.")).lang).toBe("en");
  });

  it("names the reason a destination is risky", async () => {
    const t = texts("en").offers.destination;
    const laos = await check("Customer service job in Vientiane, Laos.", "en");
    expect(laos.flags.find((f) => f.id === "high_risk_destination")?.explanation).toBe(t.scam_hotspot(["Laos"]));
    const saudi = await check("Housemaid wanted for a family in Jeddah, Saudi Arabia.", "en");
    expect(saudi.flags.find((f) => f.id === "high_risk_destination")?.explanation).toBe(t.middle_east_domestic(["Saudi Arabia"]));
  });
});

describe("words that do not make the flag", () => {
  const absent: [FlagId, string][] = [
    ["upfront_payment", "Tidak ada biaya apa pun untuk pelamar, semua gratis."],
    ["upfront_payment", "No placement fee is charged to the worker."],
    ["upfront_payment", "Biaya ujian dibayar ke bank yang ditunjuk dengan kode bayar, bukan ke perorangan."],
    ["passport_retention", "Jangan pernah serahkan paspor Anda kepada siapa pun."],
    ["passport_retention", "Paspor dipegang oleh pekerja sendiri selama bekerja."],
    ["high_risk_destination", "Ingat, Kamboja bukan negara penempatan PMI."],
    ["high_risk_destination", "Hotel staff wanted in Dubai through a licensed agency, employment visa before departure."],
    ["high_risk_destination", "Pabrik elektronik di Penang, Malaysia membuka lowongan operator produksi."],
    ["unlicensed_recruiter", "Gratis, tanpa calo, daftar langsung di kantor."],
    ["debt_or_penalty", "Tidak ada potongan gaji untuk biaya penempatan."],
    ["employer_pays_travel", "Tiket pesawat ditanggung sendiri oleh pekerja."],
    ["tourist_visa", "Visa kerja diurus P3MI sebelum berangkat."],
    ["bypasses_official_process", "Waspada tawaran lewat jalur khusus tanpa Disnaker!"],
    ["scam_or_gambling_work", "Hati-hati dengan lowongan penipuan online yang marak."],
    ["bypasses_official_process", "Gratis, tanpa biaya pendaftaran."],
    ["upfront_payment", "Setelah diterima, kirim nomor rekening untuk pembayaran gaji."],
    ["upfront_payment", "Biaya pelatihan sesuai aturan, dibayar ke rekening lembaga, ada kwitansi."],
    ["upfront_payment", "Monthly pay PHP 25,000 plus night differential."],
    ["high_risk_destination", "Kalau ada yang menawarkan kerja di Kamboja pakai visa turis, itu penipuan."],
    ["tourist_visa", "If someone offers you CS work with a tourist visa and free tickets, it's a trap."],
  ];
  for (const [id, text] of absent) {
    it(`no ${id}: ${text.slice(0, 50)}`, async () => {
      expect(flagIds(await check(text, "id"))).not.toContain(id);
    });
  }
});

describe("risk levels", () => {
  it("rates a text with several serious flags high, with a score and advice to report", async () => {
    const c = await check(
      "Kerja di Sihanoukville bagian CS, gaji 15jt. Berangkat pakai visa turis lusa, DP 3 juta ke rekening saya. Paspor dipegang bos.",
      "id",
    );
    expect(c.risk).toBe("high");
    expect(c.score).toBeGreaterThanOrEqual(5);
    expect(c.advice).toContain("0800-1000");
    expect(c.advice).toContain("110");
    expect(c.advice).toContain(texts("id").offers.advice.cambodia);
    expect(c.advice).toContain(texts("id").offers.advice.zeroCost);
  });

  it("keeps a single serious flag at medium at least, even with official-sounding words", async () => {
    const c = await check("P3MI resmi, daftar di Disnaker dan LTSA, tapi berangkatnya pakai visa kunjungan.", "id");
    expect(flagIds(c)).toContain("tourist_visa");
    expect(c.risk).not.toBe("low");
  });

  it("never rates a job abroad with a red flag and no sign of the legal route low", async () => {
    const c = await check("Ada kerjaan di luar negeri nih, gaji lumayan, nanti dijelasin. Minat chat aku aja", "id");
    expect(c.positives).toEqual([]);
    expect(c.risk).not.toBe("low");
    const home = await check("Ada kerjaan di toko kami di Bandung, gaji UMK, minat chat aku aja", "id");
    expect(home.risk).toBe("low");
  });

  it("lists the most serious flag first", async () => {
    const c = await check("Lowongan admin di Kamboja, gaji 10 juta, hubungi WA.", "id");
    expect(c.flags[0]?.id).toBe("high_risk_destination");
  });
});
