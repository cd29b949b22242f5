/**
 * WhatsApp webhook throughput and latency, end to end: signed webhook POST → durable inbox →
 * conversation engine → reply accepted by a fake Graph API on 127.0.0.1 (embedded SQLite).
 * Baseline in the same run: a bare node:http server that only reads the body and answers 200.
 */
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { createApp } from "../src/app.js";
import { startWhatsApp } from "../src/channels/whatsapp/index.js";
import { loadConfig } from "../src/config.js";
import { createHttpServer } from "../src/http/server.js";
import { createLogger } from "../src/logger.js";
import { generateDataKey } from "../src/storage/keys.js";
import { signBody, webhookBody } from "../test/fakes/graph-api.js";
import { fmt, median, percentile } from "./_stats.js";

const APP_SECRET = "bench-app-secret";
const GRAPH = { token: "bench-token", phoneNumberId: "1000001" };
const CONCURRENCY = 16;
const BASELINE_REQUESTS = 3_000;
const MESSAGES = 600;
const WARMUP = 40;
const QUESTIONS = [
  "Apa syarat bekerja ke luar negeri secara resmi?",
  "berapa biaya resmi jadi PMI ke Taiwan?",
  "How do I check if an agency is licensed?",
  "/start",
  "/status LTR-AAAA-22",
];

/** Runs `total` jobs with `concurrency` in flight; returns the wall time in ms. */
async function pool(total: number, concurrency: number, job: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await job(next++);
    }),
  );
  return performance.now() - started;
}

function signedMessage(phoneNumberId: string, waId: string, i: number): string {
  const message = {
    from: waId,
    id: `wamid.bench${i}.${Date.now()}`,
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: "text",
    text: { body: QUESTIONS[i % QUESTIONS.length] },
  };
  return webhookBody(phoneNumberId, { contacts: [{ profile: { name: "Bench" }, wa_id: waId }], messages: [message] });
}

async function baseline(): Promise<{ perSecond: number; p50: number; p99: number }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/webhooks/whatsapp`;
  const latencies: number[] = [];
  const body = signedMessage("1", "628100000000", 0);
  const headers = { "content-type": "application/json", "x-hub-signature-256": signBody(body, APP_SECRET) };
  const wall = await pool(BASELINE_REQUESTS, CONCURRENCY, async () => {
    const t0 = performance.now();
    await (await fetch(url, { method: "POST", headers, body })).arrayBuffer();
    latencies.push(performance.now() - t0);
  });
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  return { perSecond: (BASELINE_REQUESTS / wall) * 1000, p50: median(latencies), p99: percentile(latencies, 99) };
}

/** Starts the fake Graph API in a worker thread; `onSent` hears of every message it accepts. */
async function startGraphWorker(onSent: (to: string) => void): Promise<{ url: string; stop(): Promise<void> }> {
  const worker = new Worker(new URL("./_whatsapp-graph-worker.mjs", import.meta.url), { workerData: GRAPH });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once("error", reject);
    worker.on("message", (m: { url?: string; sent?: string }) => (m.url ? resolve(m.url) : m.sent && onSent(m.sent)));
  });
  return {
    url,
    stop: async () => {
      worker.postMessage({ stop: true });
      await new Promise((resolve) => worker.once("exit", resolve));
    },
  };
}

async function endToEnd() {
  // Each message comes from its own user; its first reply at the fake Graph API ends its clock.
  const replied = new Map<string, () => void>();
  const api = await startGraphWorker((to) => {
    replied.get(to)?.();
    replied.delete(to);
  });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lentera-bench-wa-"));
  const config = loadConfig({
    LENTERA_DATA_DIR: dataDir,
    LENTERA_DATA_KEY: generateDataKey(),
    LOG_LEVEL: "silent",
    WHATSAPP_TOKEN: GRAPH.token,
    WHATSAPP_PHONE_NUMBER_ID: GRAPH.phoneNumberId,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: "bench",
    WHATSAPP_GRAPH_URL: api.url,
  });
  const app = await createApp(config, { logger: createLogger("silent") });
  const server = createHttpServer({ logger: app.logger, ready: () => app.ready() });
  const channel = await startWhatsApp(app, server);
  const url = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}/webhooks/whatsapp`;

  const ack: number[] = [];
  const e2e: number[] = [];
  const send = async (i: number, record: boolean) => {
    const waId = `62899${String(i).padStart(7, "0")}${record ? "" : "0"}`;
    const body = signedMessage(GRAPH.phoneNumberId, waId, i);
    const answered = new Promise<void>((resolve) => replied.set(waId, resolve));
    const t0 = performance.now();
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, APP_SECRET) }, body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    const acked = performance.now();
    await answered;
    if (record) {
      ack.push(acked - t0);
      e2e.push(performance.now() - t0);
    }
  };

  await pool(WARMUP, CONCURRENCY, (i) => send(i, false));
  const wall = await pool(MESSAGES, CONCURRENCY, (i) => send(i, true));
  await channel.idle();

  // The engine alone on the same messages: what the channel adds on top of it.
  const engineLatency: number[] = [];
  const engineWall = await pool(MESSAGES, CONCURRENCY, async (i) => {
    const t0 = performance.now();
    await app.engine.handle({ channel: "console", address: `bench-${i}`, text: QUESTIONS[i % QUESTIONS.length]! });
    engineLatency.push(performance.now() - t0);
  });
  await server.close();
  await channel.stop();
  await app.close();
  await api.stop();
  await rm(dataDir, { recursive: true, force: true });
  return {
    perSecond: (MESSAGES / wall) * 1000, ackP50: median(ack), ackP99: percentile(ack, 99), p50: median(e2e), p99: percentile(e2e, 99),
    enginePerSecond: (MESSAGES / engineWall) * 1000, engineP50: median(engineLatency), engineP99: percentile(engineLatency, 99),
  };
}

export async function run(): Promise<void> {
  const bare = await baseline();
  const full = await endToEnd();
  console.log(`bare node:http ack-only (${BASELINE_REQUESTS} requests, ${CONCURRENCY} in flight): ${bare.perSecond.toFixed(0)} req/s, p50 ${fmt(bare.p50)}, p99 ${fmt(bare.p99)}`);
  console.log(
    `whatsapp end to end (${MESSAGES} messages, ${CONCURRENCY} in flight, SQLite): ${full.perSecond.toFixed(1)} msg/s, ` +
      `reply p50 ${fmt(full.p50)}, p99 ${fmt(full.p99)}; webhook 200 p50 ${fmt(full.ackP50)}, p99 ${fmt(full.ackP99)}`,
  );
  console.log(`engine alone, same messages (${CONCURRENCY} in flight): ${full.enginePerSecond.toFixed(1)} msg/s, p50 ${fmt(full.engineP50)}, p99 ${fmt(full.engineP99)}`);
  console.log(`ratio: ${(full.perSecond / bare.perSecond).toFixed(3)}× the bare server's throughput; p99 ${(full.p99 / bare.p99).toFixed(1)}× its latency`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
