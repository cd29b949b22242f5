import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateOffers, formatOfferEval } from "../src/cli/handlers/eval-offers.js";
import { parseOffers } from "../src/core/offers/evaluation.js";
import { createTestConfig, type TestConfig } from "./helpers/databases.js";

const BIN = path.resolve("bin/lentera.js");

function run(args: string[], input: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

// Each run starts the whole CLI (every command module), so runs are few and each checks much.
describe("lentera check-offer / agencies / eval-offers", { timeout: 180_000 }, () => {
  let t: TestConfig;
  let dir: string;
  beforeAll(async () => {
    t = await createTestConfig("sqlite");
    dir = await mkdtemp(path.join(os.tmpdir(), "lentera-offers-cli-"));
  });
  afterAll(async () => {
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it("prints one JSON check for an offer on stdin, without creating a database", async () => {
    const r = await run(["check-offer", "--json"], "Loker Kamboja, gaji $1200, visa turis, minat japri 0812-3456-7890", t.env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(["risk", "score", "flags", "entities", "advice"]));
    expect(out.risk).toBe("high");
    expect(out.flags[0]).toEqual({ id: expect.any(String), evidence: expect.any(Array), explanation: expect.any(String) });
    expect(out.entities.phones).toEqual(["+6281234567890"]);
    expect(out.agencies).toEqual([]);
    expect(existsSync(path.join(t.config.dataDir, "lentera.db"))).toBe(false);
  });

  it("checks JSONL lines in order, keeping each id, and reports bad lines in place", async () => {
    const input = [
      JSON.stringify({ id: "a", text: "Kerja di Phnom Penh, visa kunjungan, DP 2 juta." }),
      "not json",
      JSON.stringify({ id: 7, text: "Lowongan kasir di Bekasi, lamaran ke kantor cabang, tanpa biaya." }),
    ].join("\n");
    const r = await run(["check-offer", "--jsonl"], `${input}\n`, t.env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["a", null, 7]);
    expect(lines[0].risk).toBe("high");
    expect(lines[1].error).toBeDefined();
    expect(lines[2].risk).toBe("low");
  });

  it("imports the agency CSV into the database, then the checker uses it", async () => {
    const csv = path.join(dir, "p3mi.csv");
    await writeFile(csv, "nama_perusahaan,no_izin,alamat,status\nPT Contoh Karya Mandiri,KEP.1/2025,Jakarta,aktif\nPT Contoh Dicabut,KEP.2/2020,Bandung,dicabut\nPT Rusak,3,x,entah\n");
    const imported = await run(["agencies", "import", csv], "", t.env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("2");
    expect(imported.stderr).toContain("4");
    const checked = await run(["check-offer", "--json"], "PT Contoh Dicabut buka lowongan pabrik di Malaysia.", t.env);
    const out = JSON.parse(checked.stdout);
    expect(out.agencies).toEqual([expect.objectContaining({ status: "revoked_or_expired" })]);
    expect(out.flags.map((f: { id: string }) => f.id)).toContain("unlicensed_recruiter");
  });

  it("scores a labelled file next to the keyword baseline", async () => {
    const offers = parseOffers(
      [
        { id: "s1", text: "Kerja di Kamboja, visa turis, paspor disimpan bos, DP 3 juta.", label: "high", flags: ["high_risk_destination", "tourist_visa", "passport_retention", "upfront_payment"] },
        { id: "l1", text: "Lowongan guru di Surabaya, lamaran ke sekolah, tanpa biaya.", label: "low", flags: [] },
      ].map((o) => JSON.stringify(o)).join("\n"),
    );
    const result = await evaluateOffers(offers);
    expect(result.lentera.high).toMatchObject({ truePositives: 1, falsePositives: 0, precision: 1, recall: 1 });
    expect(result.lentera.flagRecall).toBe(1);
    expect(result.baseline.perFlag.passport_retention).toEqual({ hits: 0, total: 1, raised: 0, raisedOnLegitimate: 0 });
    expect(result.lentera.perFlag.passport_retention).toEqual({ hits: 1, total: 1, raised: 1, raisedOnLegitimate: 0 });
    const report = formatOfferEval("offers.jsonl", offers.length, result);
    expect(report).toMatch(/Lentera +high precision 100\.0% recall 100\.0% · scams rated low 0 · legitimate rated high 0 · flag recall 100\.0% precision \d/);
    expect(report).toContain("keyword baseline");
  });
});
