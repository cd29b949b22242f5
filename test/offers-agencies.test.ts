import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgencyIndex, AgencyMatcher, InMemoryAgencyRegistry, agencyKey, type AgencyRecord } from "../src/core/offers/agencies.js";
import { AgencyCsvError, parseAgencyCsv } from "../src/core/offers/agency-csv.js";
import { createOfferChecker } from "../src/core/offers/index.js";
import { SqlAgencyRegistry } from "../src/storage/agency-store.js";
import { texts } from "../src/i18n/index.js";
import { backends, openTestDatabase, type TestDatabase } from "./helpers/databases.js";

// Fictional companies made up for the tests; no real agency data ships with the project.
const RECORDS: AgencyRecord[] = [
  { name: "PT Maju Jaya Abadi", licence: "KEP.123/2024", address: "Jl. Contoh 1, Jakarta", status: "licensed" },
  { name: "PT. Sinar Terang Sejahtera", licence: "KEP.77/2023", status: "revoked_or_expired" },
  { name: "P.T. Karya Lama", licence: "KEP.5/2020", status: "licensed", validUntil: "2021-12-31" },
  { name: "PT Bina", status: "licensed" },
];

describe("agency name matching", () => {
  const index = new AgencyIndex(RECORDS);
  it("ignores the legal form and its spellings", () => {
    expect(agencyKey("P.T. Maju Jaya Abadi")).toBe(agencyKey("PT. MAJU JAYA ABADI"));
    for (const name of ["PT Maju Jaya Abadi", "P.T. Maju Jaya Abadi", "PT. Maju Jaya Abadi", "maju jaya abadi", "PT Maju Jaya Abadi Tbk"]) {
      expect(index.find(name)?.name, name).toBe("PT Maju Jaya Abadi");
    }
  });
  it("tolerates small spelling differences, not a different company", () => {
    expect(index.find("PT Maju Jaya Abdi")?.name).toBe("PT Maju Jaya Abadi");
    expect(index.find("PT MajuJaya Abadi")?.name).toBe("PT Maju Jaya Abadi");
    expect(index.find("PT Sinar Terang Sejahtra")?.name).toBe("PT. Sinar Terang Sejahtera");
    expect(index.find("PT Maju Bersama Makmur")).toBeUndefined();
    expect(index.find("PT Bima")).toBeUndefined(); // short names must match exactly
  });
});

describe("agency statuses", () => {
  const now = () => new Date("2026-06-01T00:00:00Z");
  it("says licensed, revoked_or_expired (also by date), not_found", async () => {
    const matcher = new AgencyMatcher(new InMemoryAgencyRegistry(RECORDS), { now });
    expect(await matcher.match("pt maju jaya abadi")).toMatchObject({ name: "PT Maju Jaya Abadi", status: "licensed", licence: "KEP.123/2024", query: "pt maju jaya abadi" });
    expect((await matcher.match("PT Sinar Terang Sejahtera")).status).toBe("revoked_or_expired");
    expect((await matcher.match("PT Karya Lama")).status).toBe("revoked_or_expired");
    expect(await matcher.match("PT Tidak Ada")).toEqual({ name: "PT Tidak Ada", status: "not_found" });
  });
  it("says no_registry when nothing is loaded", async () => {
    expect((await new AgencyMatcher(undefined).match("PT Maju Jaya Abadi")).status).toBe("no_registry");
    expect((await new AgencyMatcher(new InMemoryAgencyRegistry()).match("PT Maju Jaya Abadi")).status).toBe("no_registry");
  });
  it("reloads when the registry changes", async () => {
    const registry = new InMemoryAgencyRegistry();
    const matcher = new AgencyMatcher(registry, { refreshMs: 0 });
    expect((await matcher.match("PT Maju Jaya Abadi")).status).toBe("no_registry");
    await registry.upsert(RECORDS);
    expect((await matcher.match("PT Maju Jaya Abadi")).status).toBe("licensed");
  });
});

describe("the checker and the registry", () => {
  const checker = createOfferChecker({ agencies: new InMemoryAgencyRegistry(RECORDS) });
  it("confirms a licensed company as a legitimate signal", async () => {
    const c = await checker.check("PT. Maju Jaya Abadi membuka lowongan caregiver di Taiwan, daftar lewat LTSA.", { lang: "id" });
    expect(c.agencies).toEqual([expect.objectContaining({ name: "PT Maju Jaya Abadi", status: "licensed" })]);
    const signal = c.positives.find((p) => p.id === "licensed_agency");
    expect(signal?.explanation).toBe(texts("id").offers.agency.licensed("PT Maju Jaya Abadi", "KEP.123/2024"));
  });
  it("treats a revoked licence as an unlicensed recruiter", async () => {
    const c = await checker.check("PT Sinar Terang Sejahtera (P3MI resmi) buka lowongan pabrik di Malaysia.", { lang: "en" });
    const flag = c.flags.find((f) => f.id === "unlicensed_recruiter");
    expect(flag?.explanation).toBe(texts("en").offers.agency.revoked_or_expired("PT. Sinar Terang Sejahtera"));
    expect(c.positives.map((p) => p.id)).not.toContain("licensed_agency");
    expect(c.risk).not.toBe("low");
  });
  it("drops a claimed licence the registry does not know", async () => {
    const c = await checker.check("PT Cahaya Palsu Internasional, P3MI pemegang SIP3MI, kerja di Korea.", { lang: "id" });
    expect(c.agencies).toEqual([expect.objectContaining({ status: "not_found" })]);
    expect(c.positives.map((p) => p.id)).not.toContain("licensed_agency");
  });
  it("does not look placeholders up", async () => {
    const c = await checker.check("PT [nama perusahaan] membuka lowongan.");
    expect(c.agencies).toEqual([]);
  });
  it("checks a company by name, as users ask", async () => {
    expect((await checker.checkAgency("P.T Maju Jaya Abadi")).status).toBe("licensed");
    expect((await createOfferChecker().checkAgency("PT Maju Jaya Abadi")).status).toBe("no_registry");
  });
});

describe("agency CSV", () => {
  it("reads Indonesian headers, semicolons, statuses and dates, and reports bad rows by line", () => {
    const { records, problems } = parseAgencyCsv(
      "\uFEFFNama Perusahaan;No Izin;Alamat;Status;Berlaku Sampai\n" +
        'PT Maju Jaya Abadi;KEP.123/2024;"Jl. Contoh 1; Jakarta";Aktif;31/12/2030\n' +
        "PT Lama Sekali;KEP.9;Bandung;Dicabut;\n" +
        ";;;;\n" +
        "PT Aneh;1;a;entah;\n" +
        "PT Tanggal;2;b;aktif;2020-02-31\n",
    );
    expect(records).toEqual([
      { name: "PT Maju Jaya Abadi", licence: "KEP.123/2024", address: "Jl. Contoh 1; Jakarta", status: "licensed", validUntil: "2030-12-31" },
      { name: "PT Lama Sekali", licence: "KEP.9", address: "Bandung", status: "revoked_or_expired" },
    ]);
    expect(problems.map((p) => p.line)).toEqual([5, 6]);
  });
  it("reads English headers with commas; a missing status means licensed", () => {
    const { records } = parseAgencyCsv("name,licence_number,address\nPT Satu,L-1,Jakarta\n");
    expect(records).toEqual([{ name: "PT Satu", licence: "L-1", address: "Jakarta", status: "licensed" }]);
  });
  it("refuses a file without a name column", () => {
    expect(() => parseAgencyCsv("licence,status\n1,aktif\n")).toThrow(AgencyCsvError);
  });
});

describe.each(backends)("agency store on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(() => t.dispose());

  it("imports, updates by name, and feeds the checker", async () => {
    let clock = new Date("2026-01-01T00:00:00Z");
    const registry = new SqlAgencyRegistry(t.db, () => clock);
    expect(await registry.list()).toEqual([]);
    const empty = await registry.version();
    expect(await registry.upsert(RECORDS)).toEqual({ inserted: 4, updated: 0 });
    const loaded = await registry.version();
    expect(loaded).not.toBe(empty);
    expect((await registry.list()).map((r) => r.name)).toEqual(RECORDS.map((r) => r.name));

    const checker = createOfferChecker({ agencies: registry });
    expect((await checker.checkAgency("PT Maju Jaya Abdi")).status).toBe("licensed");

    clock = new Date("2026-02-01T00:00:00Z");
    expect(await registry.upsert([{ name: "P.T. Maju Jaya Abadi", status: "revoked_or_expired" }])).toEqual({ inserted: 0, updated: 1 });
    expect(await registry.version()).not.toBe(loaded);
    const fresh = new AgencyMatcher(registry);
    expect((await fresh.match("PT Maju Jaya Abadi")).status).toBe("revoked_or_expired");
  });
});
