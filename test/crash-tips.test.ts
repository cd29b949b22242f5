/**
 * Target: under concurrent tip submissions, `kill -9` the process; after restart every tip whose
 * reference was returned is present and intact (0 lost) — on SQLite and on PostgreSQL.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTipService } from "../src/core/tips/service.js";
import { openDatabase } from "../src/storage/db.js";
import { backends, createTestConfig, type TestConfig } from "./helpers/databases.js";
import { crashTip } from "./helpers/crash-tip.js";

const SUBMITTER = path.join(import.meta.dirname, "helpers", "crash-submitter.ts");

/** Runs the submitter until it has acknowledged `killAfter` tips, then SIGKILLs it mid-flight. */
async function submitAndKill(env: Record<string, string>, round: number, killAfter: number): Promise<Map<string, string>> {
  const child = spawn(process.execPath, ["--import", "tsx", SUBMITTER], {
    env: { ...process.env, ...env, CRASH_ROUND: String(round), CRASH_CONCURRENCY: "8" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  const acknowledged = new Map<string, string>();
  for await (const line of createInterface({ input: child.stdout })) {
    const [seq, ref] = line.split(" ");
    if (seq && ref) acknowledged.set(seq, ref);
    if (acknowledged.size === killAfter) child.kill("SIGKILL");
  }
  const how = await exited;
  if (how !== "SIGKILL") throw new Error(`submitter ended with ${how} before being killed:\n${stderr}`);
  return acknowledged;
}

describe.each(backends)("kill -9 during concurrent submissions on %s", (backend) => {
  let t: TestConfig;
  beforeAll(async () => {
    t = await createTestConfig(backend);
  });
  afterAll(() => t.dispose());

  it("loses no acknowledged tip across repeated crashes and restarts", async () => {
    const acknowledged = new Map<string, string>();
    for (const [round, killAfter] of [[1, 120], [2, 37], [3, 200]] as const)
      for (const [seq, ref] of await submitAndKill(t.env, round, killAfter)) acknowledged.set(seq, ref);
    expect(acknowledged.size).toBeGreaterThanOrEqual(357);

    const db = await openDatabase(t.config);
    try {
      if (backend === "sqlite") {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db.kysely);
        expect(check.rows).toEqual([{ integrity_check: "ok" }]);
      }
      const tips = createTipService({ db, config: t.config });
      const missing: string[] = [];
      for (const [seq, ref] of acknowledged) {
        const view = await tips.show(ref);
        if (!view) {
          missing.push(ref);
          continue;
        }
        const expected = crashTip(seq);
        expect(view.details).toEqual(expected.details);
        expect(view.reporterContact).toBe(expected.reporter.contact);
        expect(view.status).toBe("new");
        expect(view.audit.map((a) => a.action)).toEqual(["submitted"]);
      }
      expect(missing).toEqual([]);
      // Atomicity: every stored tip, acknowledged or not, came with its audit entry and Slack event.
      const count = async (table: string) =>
        Number((await db.kysely.selectFrom(table).select((s) => s.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
      const tipCount = await count("tips");
      expect(tipCount).toBeGreaterThanOrEqual(acknowledged.size);
      expect(await count("tip_audit")).toBe(tipCount);
      expect(await count("outbox")).toBe(tipCount);
      // The database keeps working after the crashes.
      const after = await tips.submit(crashTip("after-restart"));
      expect((await tips.show(after.ref))?.details).toEqual(crashTip("after-restart").details);
    } finally {
      await db.close();
    }
  });
});
