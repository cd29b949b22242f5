/**
 * The conversation engine's cost per message on the embedded default (SQLite), in-process:
 *   - a report flow step (load state, validate, save state) against the bare state round trip
 *     (SessionStore get + put of the same session) as baseline;
 *   - the submit step (tip committed durably, reference returned);
 *   - a question routed through the engine against QaService.answer called directly.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import type { InboundMessage } from "../src/core/messages.js";
import { createLogger } from "../src/logger.js";
import { generateDataKey } from "../src/storage/keys.js";
import { SqlSessionStore } from "../src/storage/session-store.js";
import { fmt, median, percentile } from "./_stats.js";

const REPORTERS = 150;
const QUESTIONS = 200;
const QUESTION = "gmn cara cek agen resmi kak?";

async function timed<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  samples.push(performance.now() - started);
  return result;
}

const line = (label: string, samples: number[]) =>
  `${label.padEnd(34)} median ${fmt(median(samples)).padStart(9)}   p99 ${fmt(percentile(samples, 99)).padStart(9)}   (n=${samples.length})`;

export async function run(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lentera-bench-conversation-"));
  const config = loadConfig({ LENTERA_DATA_DIR: dataDir, LENTERA_DATA_KEY: generateDataKey(), LOG_LEVEL: "silent" });
  const app = await createApp(config, { logger: createLogger("silent") });
  try {
    const sessions = new SqlSessionStore<unknown>(app.db);
    const steps: number[] = [];
    const submits: number[] = [];
    const roundTrips: number[] = [];
    for (let i = 0; i < REPORTERS; i++) {
      const address = `bench-${i}`;
      const send = (m: Omit<InboundMessage, "channel" | "address">) => app.engine.handle({ channel: "console", address, ...m });
      await send({ text: "/lapor" });
      await timed(steps, () => send({ action: "report:other" }));
      await timed(steps, () => send({ action: "consent:yes" }));
      await timed(steps, () => send({ text: `Perekrut ${i} menjanjikan kerja di Kamboja, nomor 0812-5555-${String(1000 + i)}` }));
      await timed(steps, () => send({ action: "flow:skip" }));
      const state = await sessions.get("console", address);
      await timed(roundTrips, async () => {
        await sessions.get("console", address);
        await sessions.put("console", address, state);
      });
      await timed(submits, () => send({ action: "confirm:send" }));
    }

    const direct: number[] = [];
    const routed: number[] = [];
    for (let i = 0; i < QUESTIONS; i++) {
      await timed(direct, () => app.qa.answer(QUESTION, { lang: "id" }));
      await timed(routed, () => app.engine.handle({ channel: "console", address: `asker-${i}`, text: QUESTION }));
    }

    console.log(line("baseline: session get + put", roundTrips));
    console.log(line("report step (engine.handle)", steps));
    console.log(line("submit step (tip committed)", submits));
    console.log(`report step / baseline (median): ${(median(steps) / median(roundTrips)).toFixed(2)}x`);
    console.log(line("baseline: qa.answer direct", direct));
    console.log(line("question via engine.handle", routed));
    console.log(`question via engine / direct (median): ${(median(routed) / median(direct)).toFixed(2)}x`);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
