/**
 * Telegram channel throughput and latency, end to end: an update is queued on the fake Bot API,
 * the real grammY runner fetches it, the engine answers, and the clock stops when the reply's
 * sendMessage reaches the fake API. Baseline: a grammY bot that only echoes, same runner, same
 * fake API, same process.
 *
 * Both bots run without the outgoing throttler here: it holds every bot to Telegram's ~30
 * messages/s, which would measure Telegram's limit instead of the code (the last line shows it).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { run as runPolling } from "@grammyjs/runner";
import { createApp } from "../src/app.js";
import { startTelegram } from "../src/channels/telegram/index.js";
import { loadConfig } from "../src/config.js";
import { createHttpServer } from "../src/http/server.js";
import { generateDataKey } from "../src/storage/keys.js";
import { FAKE_BOT_INFO, startFakeTelegramApi, updates, type FakeTelegramApi } from "../test/fakes/telegram-api.js";
import { fmt, median, percentile } from "./_stats.js";

const TOKEN = "123456:bench-token";
const BURST = 400;
const SEQUENTIAL = 150;
const WARMUP = 30;
const THROTTLED = 90;

type MakeUpdate = (chatId: number, i: number) => Omit<Update, "update_id">;
interface Bench {
  api: FakeTelegramApi;
  stop(): Promise<void>;
}

let nextChat = 1_000_000;

/** Queues one update per chat and resolves with each chat's latency (queued → first reply sent). */
async function roundTrips(api: FakeTelegramApi, make: MakeUpdate, count: number): Promise<{ latencies: number[]; elapsedMs: number }> {
  const queuedAt = new Map<number, number>();
  const latencies: number[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const unsubscribe = api.onCall((c) => {
    if (c.method !== "sendMessage") return;
    const chat = Number(c.body.chat_id);
    const start = queuedAt.get(chat);
    if (start === undefined) return;
    queuedAt.delete(chat);
    latencies.push(performance.now() - start);
    if (latencies.length === count) done();
  });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const chat = nextChat++;
    queuedAt.set(chat, performance.now());
    api.push(make(chat, i));
  }
  await finished;
  unsubscribe();
  return { latencies, elapsedMs: performance.now() - started };
}

async function sequential(api: FakeTelegramApi, make: MakeUpdate, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) latencies.push(...(await roundTrips(api, make, 1)).latencies);
  return latencies;
}

interface Figures { perSecond: number; burstP99: number; p50: number; p99: number }

async function measure(bench: Bench, make: MakeUpdate): Promise<Figures> {
  await roundTrips(bench.api, make, WARMUP);
  const burst = await roundTrips(bench.api, make, BURST);
  const alone = await sequential(bench.api, make, SEQUENTIAL);
  return {
    perSecond: (BURST / burst.elapsedMs) * 1000,
    burstP99: percentile(burst.latencies, 99),
    p50: median(alone),
    p99: percentile(alone, 99),
  };
}

async function echoBot(): Promise<Bench> {
  const api = await startFakeTelegramApi();
  const bot = new Bot(TOKEN, { botInfo: FAKE_BOT_INFO, client: { apiRoot: api.apiRoot } });
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  const runner = runPolling(bot);
  return {
    api,
    async stop() {
      await runner.stop();
      await api.close();
    },
  };
}

async function lentera(throttle: boolean): Promise<Bench> {
  const api = await startFakeTelegramApi();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lentera-bench-telegram-"));
  const config = loadConfig({
    LENTERA_DATA_DIR: dataDir,
    LENTERA_DATA_KEY: generateDataKey(),
    LOG_LEVEL: "silent",
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
  });
  const app = await createApp(config);
  const http = createHttpServer({ logger: app.logger, ready: () => app.ready() });
  const channel = await startTelegram(app, http, { botInfo: FAKE_BOT_INFO, ...(throttle ? {} : { throttle: false }) });
  return {
    api,
    async stop() {
      await channel.stop();
      await app.close();
      await api.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function evalLines<T>(file: string): Promise<T[]> {
  const text = await readFile(path.join(import.meta.dirname, "../../shared/eval", file), "utf8");
  return text.split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
}

export async function run(): Promise<void> {
  const questions = (await evalLines<{ question: string; expect_refusal?: boolean }>("dev-questions.jsonl"))
    .filter((q) => !q.expect_refusal)
    .map((q) => q.question);
  const offers = (await evalLines<{ text: string }>("dev-offers.jsonl")).map((o) => o.text);
  const user = (chat: number) => ({ id: chat, lang: "id" });
  const workloads: Record<string, MakeUpdate> = {
    echo: (chat, i) => updates.text(user(chat), questions[i % questions.length]!),
    question: (chat, i) => updates.text(user(chat), questions[i % questions.length]!),
    "offer check": (chat, i) => updates.forwarded(user(chat), offers[i % offers.length]!),
  };

  const results: Record<string, Figures> = {};
  const echo = await echoBot();
  results.echo = await measure(echo, workloads.echo!);
  await echo.stop();
  const bot = await lentera(false);
  results.question = await measure(bot, workloads.question!);
  results["offer check"] = await measure(bot, workloads["offer check"]!);
  await bot.stop();

  const base = results.echo!.perSecond;
  console.log(`updates in → reply at the fake Bot API; burst of ${BURST} updates (distinct chats), then ${SEQUENTIAL} one at a time`);
  console.log("workload        updates/s   vs echo   burst p99    alone p50    alone p99");
  for (const [name, f] of Object.entries(results)) {
    console.log(
      `${name.padEnd(14)} ${f.perSecond.toFixed(0).padStart(9)}   ${((f.perSecond / base) * 100).toFixed(0).padStart(5)}%  ` +
        `${fmt(f.burstP99).padStart(10)}  ${fmt(f.p50).padStart(10)}  ${fmt(f.p99).padStart(10)}`,
    );
  }

  const throttled = await lentera(true);
  const capped = await roundTrips(throttled.api, workloads.question!, THROTTLED);
  await throttled.stop();
  console.log(`with the production throttler: ${((THROTTLED / capped.elapsedMs) * 1000).toFixed(1)} questions/s (Telegram allows about 30 messages/s)`);
}
