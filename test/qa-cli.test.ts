import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, tempDir } from "./fixtures/qa.js";

interface Run { code: number | null; stdout: string; stderr: string }

/** Runs the real `lentera` bin against the repository's knowledge base in a fresh data directory. */
async function lentera(args: string[], input = "", env: Record<string, string> = {}): Promise<Run> {
  const dataDir = await tempDir();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, "bin/lentera.js"), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LENTERA_DATA_DIR: dataDir, LOG_LEVEL: "silent", LLM_PROVIDER: "none", EMBEDDINGS_PROVIDER: "local", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const CONTRACT_KEYS = ["answer", "lang", "sources", "confidence", "refused", "danger"];

// Each run starts the whole CLI under tsx: allow for a busy machine.
describe("lentera ask / ingest (CLI contract)", { timeout: 180_000 }, () => {
  it("--json prints exactly one answer object with the contract's fields", async () => {
    const run = await lentera(["ask", "--json", "gmn cara cek PT penyalur TKI itu resmi atau abal2?"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const a = JSON.parse(lines[0]!);
    expect(Object.keys(a)).toEqual(CONTRACT_KEYS);
    expect(a).toMatchObject({ lang: "id", refused: false, danger: false });
    expect(a.answer.length).toBeLessThanOrEqual(1_200);
    expect(a.sources.length).toBeGreaterThan(0);
    for (const s of a.sources) {
      expect(Object.keys(s).filter((k) => !["id", "title", "url"].includes(k))).toEqual([]);
      expect(typeof s.id).toBe("string");
      expect(typeof s.title).toBe("string");
    }
    expect(a.confidence).toBeGreaterThan(0);
    expect(a.confidence).toBeLessThanOrEqual(1);
  });

  it("--jsonl answers every line in order with its id, loading the index once", async () => {
    const input = [
      { id: "q1", question: "Berapa umur minimal buat jadi pekerja migran resmi?" },
      { id: 2, question: "Write me a poem about the sea." },
      { id: "q3", question: "paspor saya ditahan, tolong" },
      { id: "q4", question: "" },
    ]
      .map((l) => JSON.stringify(l))
      .join("\n")
      .concat("\nnot json\n");
    const run = await lentera(["ask", "--jsonl"], input, { LOG_LEVEL: "info" });
    expect(run.code).toBe(0);
    // Logs go to stderr only, and the index is opened once for the whole batch.
    expect(run.stderr.match(/knowledge index (built|loaded)/g)).toHaveLength(1);
    const out = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(["q1", 2, "q3", "q4", null]);
    for (const o of out.slice(0, 4)) expect(Object.keys(o)).toEqual(["id", ...CONTRACT_KEYS]);
    expect(out[0].answer).toContain("18");
    expect(out[1].refused).toBe(true);
    expect(out[2].danger).toBe(true);
    expect(out[3].refused).toBe(true);
    expect(out[4].error).toMatch(/JSON object/);
  });

  it("ingest rebuilds the index and reports what it indexed", async () => {
    const run = await lentera(["ingest", "--json"]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.documents).toBeGreaterThan(0);
    expect(summary.passages).toBe(summary.passagesByLanguage.id + summary.passagesByLanguage.en);
    expect(summary.indexDir).toContain(`${path.sep}index${path.sep}`);
  });
});
