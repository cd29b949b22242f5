/**
 * Telegram channel throughput and latency, end to end: an update is queued on the fake Bot API,
 * the real grammY runner fetches it, the engine answers, and the clock stops when the reply's
 * sendMessage reaches the fake API. Baseline: a grammY bot that only echoes, same runner, same
 * fake API, same process.
 *
 * The main table runs both bots without the outgoing throttler: it holds every bot to Telegram's
 * ~30 messages/s, which would measure Telegram's limit instead of the code; the last line runs both
 * with it. "engine alone" is the same messages straight into engine.handle() (no Telegram at all),
 * so the difference is what the Telegram adapter costs.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { run as runPolling } from "@grammyjs/runner";
import { createApp, type App } from "../src/app.js";
import { startTelegram } from "../src/channels/telegram/index.js";
import { toInbound } from "../src/channels/telegram/inbound.js";
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
interface LenteraBench extends Bench {
  app: App;
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

/** The same updates straight into the engine, as many at once as the burst: updates/s without Telegram. */
async function engineAlone(app: App, make: MakeUpdate): Promise<number> {
  const messages = Array.from({ length: BURST }, (_, i) => {
    const inbound = toInbound({ ...make(nextChat++, i), update_id: i } as Update);
    if (inbound.kind !== "message") throw new Error("bench update is not a message");
    return inbound.message;
  });
  const started = performance.now();
  await Promise.all(messages.map((m) => app.engine.handle(m)));
  return (BURST / (performance.now() - started)) * 1000;
}

async function echoBot(throttle: boolean): Promise<Bench> {
  const api = await startFakeTelegramApi();
  const bot = new Bot(TOKEN, { botInfo: FAKE_BOT_INFO, client: { apiRoot: api.apiRoot } });
  if (throttle) bot.api.config.use(apiThrottler());
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

async function lentera(throttle: boolean): Promise<LenteraBench> {
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
    app,
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
  const echo = await echoBot(false);
  results.echo = await measure(echo, workloads.echo!);
  await echo.stop();
  const bot = await lentera(false);
  const alone: Record<string, number> = {};
  for (const name of ["question", "offer check"]) {
    results[name] = await measure(bot, workloads[name]!);
    alone[name] = await engineAlone(bot.app, workloads[name]!);
  }
  await bot.stop();

  const base = results.echo!.perSecond;
  console.log(`update queued at the fake Bot API → reply received there; burst of ${BURST} updates (distinct chats), then ${SEQUENTIAL} one at a time`);
  console.log("workload        updates/s   vs echo   burst p99    alone p50    alone p99   engine alone");
  for (const [name, f] of Object.entries(results)) {
    const engine = alone[name] ? `${alone[name]!.toFixed(0)}/s` : "";
    console.log(
      `${name.padEnd(14)} ${f.perSecond.toFixed(0).padStart(9)}   ${((f.perSecond / base) * 100).toFixed(0).padStart(5)}%  ` +
        `${fmt(f.burstP99).padStart(10)}  ${fmt(f.p50).padStart(10)}  ${fmt(f.p99).padStart(10)}   ${engine.padStart(12)}`,
    );
  }

  // With Telegram's flood limits (global reservoir of 30 messages/s): what users actually get.
  const limited: Record<string, number> = {};
  for (const [name, start, make] of [["echo", () => echoBot(true), workloads.echo!], ["question", () => lentera(true), workloads.question!]] as const) {
    const b = await start();
    await roundTrips(b.api, make, THROTTLED);
    const { elapsedMs } = await roundTrips(b.api, make, THROTTLED);
    limited[name] = (THROTTLED / elapsedMs) * 1000;
    await b.stop();
  }
  console.log(
    `with the production throttler (Telegram's ~30 messages/s): echo ${limited.echo!.toFixed(1)}/s, ` +
      `question ${limited.question!.toFixed(1)}/s (${((limited.question! / limited.echo!) * 100).toFixed(0)}% of echo)`,
  );
}
