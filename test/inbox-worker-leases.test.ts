/**
 * The inbox worker shared by the Telegram and WhatsApp channels, with short leases renewed by a
 * heartbeat: an event held by a worker that died is taken over by another worker about one lease
 * later, and an event whose processing outlasts many leases stays with the live worker holding it.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInboxWorker, type InboxWorker } from "../src/channels/shared/inbox-worker.js";
import { createLogger } from "../src/logger.js";
import type { Db } from "../src/storage/db.js";
import { Inbox } from "../src/storage/inbox.js";
import { backends, openTestDatabase, type TestDatabase } from "./helpers/databases.js";

/** Short, so the tests wait about a second; the heartbeat renews every third of it. */
const LEASE_MS = 300;
const POLL_MS = 50;

interface Payload {
  chat: string;
  text: string;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const until = async (condition: () => boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the worker");
    await new Promise((r) => setTimeout(r, 20));
  }
};

const HANGING_WORKER = path.join(import.meta.dirname, "helpers", "hanging-inbox-worker.ts");

/** Starts an instance whose worker claims the stored event and hangs on it, and SIGKILLs it then. */
async function runUntilProcessingThenKill(env: Record<string, string>, source: string): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", HANGING_WORKER], {
    env: { ...process.env, ...env, INBOX_TEST_SOURCE: source, INBOX_TEST_LEASE_MS: String(LEASE_MS) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  for await (const line of createInterface({ input: child.stdout })) if (line.startsWith("processing")) child.kill("SIGKILL");
  const how = await exited;
  if (how !== "SIGKILL") throw new Error(`the worker process ended with ${how} before being killed:\n${stderr}`);
}

describe.each(backends)("inbox worker leases on %s", (backend) => {
  let t: TestDatabase;
  const logger = createLogger("silent");
  const worker = (db: Db, source: string, process: (p: Payload) => Promise<void>): InboxWorker =>
    startInboxWorker<Payload>({ inbox: new Inbox(db), source, keyOf: (p) => p.chat, process, logger, leaseMs: LEASE_MS, pollMs: POLL_MS });
  const doneAt = async (source: string) =>
    (await t.db.kysely.selectFrom("inbox").select("done_at").where("source", "=", source).execute()).map((r) => r.done_at);

  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(() => t.dispose());

  it("hands the event of an instance killed mid-processing to another instance about one lease later", async () => {
    const source = "killed";
    await new Inbox(t.db).store(source, "u1", { chat: "c1", text: "halo" });
    await runUntilProcessingThenKill(t.env, source);

    const handled: Payload[] = [];
    const b = worker(t.db, source, async (p) => {
      handled.push(p);
    });
    await until(() => handled.length > 0);
    await b.stop();
    expect(handled).toEqual([{ chat: "c1", text: "halo" }]);
    expect(await doneAt(source)).toEqual([expect.any(String)]);
  });

  it("keeps an event that takes several leases to process with its worker: processed exactly once", async () => {
    const source = "slow";
    await new Inbox(t.db).store(source, "u1", { chat: "c1", text: "long question" });
    const runs: string[] = [];
    const started = deferred();
    const a = worker(t.db, source, async () => {
      runs.push("A");
      started.resolve();
      await new Promise((r) => setTimeout(r, 6 * LEASE_MS)); // a slow LLM call
    });
    await started.promise;
    // Another instance polling all along: it would take the event as soon as a lease ran out.
    const b = worker(t.db, source, async () => {
      runs.push("B");
    });
    await a.idle();
    await b.idle();
    expect(runs).toEqual(["A"]);
    expect(await doneAt(source)).toEqual([expect.any(String)]);
    await Promise.all([a.stop(), b.stop()]);
  });

  it("processes one key's events in order and different keys side by side", async () => {
    const source = "order";
    const inbox = new Inbox(t.db);
    for (const [i, chat] of ["c1", "c2", "c1", "c1", "c2"].entries()) await inbox.store(source, `u${i}`, { chat, text: String(i) });
    const events: string[] = [];
    const c2Started = deferred();
    const w = worker(t.db, source, async (p) => {
      events.push(`start ${p.text}`);
      if (p.chat === "c2") c2Started.resolve();
      // c1's first event waits until c2 has begun: the two chats run at the same time.
      if (p.text === "0") await c2Started.promise;
      await new Promise((r) => setTimeout(r, 10));
      events.push(`end ${p.text}`);
    });
    await until(() => events.filter((e) => e.startsWith("end")).length === 5);
    await w.stop();
    const c1 = events.filter((e) => ["0", "2", "3"].includes(e.split(" ")[1]!));
    expect(c1).toEqual(["start 0", "end 0", "start 2", "end 2", "start 3", "end 3"]);
    expect(events.indexOf("start 1")).toBeLessThan(events.indexOf("end 0"));
  });
});
