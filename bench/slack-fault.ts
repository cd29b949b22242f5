/**
 * Slack fault target: the fake Slack Web API fails (HTTP 500) for 60 s while tips keep arriving at
 * a steady rate; after it recovers, every tip must be posted exactly once. Reports how long the
 * backlog took to drain. Runs the real app (createApp, embedded SQLite) and the Slack channel with
 * its production settings. Baseline, same process: submit→post latency with Slack healthy.
 *
 * A plain `npm run bench` runs a 10 s outage to stay quick; `npm run bench -- --full` (or
 * BENCH_SLACK_OUTAGE_SECONDS=60) runs the 60 s target. BENCH_SLACK_OUTAGE_SECONDS and
 * BENCH_SLACK_TIPS_PER_SECOND (default 5) scale it; the output says which outage was run.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createApp, type App } from "../src/app.js";
import { startSlack } from "../src/channels/slack/index.js";
import { mainKey } from "../src/channels/slack/post-store.js";
import { loadConfig } from "../src/config.js";
import { createHttpServer } from "../src/http/server.js";
import { createLogger } from "../src/logger.js";
import { generateDataKey } from "../src/storage/keys.js";
import { startFakeSlackApi, type FakeSlackApi } from "../test/fakes/slack-api.js";
import { newTip } from "../test/helpers/tips.js";
import { fmt, median, percentile } from "./_stats.js";

const TARGET_OUTAGE_S = 60;
const QUICK_OUTAGE_S = 10;
const OUTAGE_S = Number(process.env.BENCH_SLACK_OUTAGE_SECONDS ?? (process.env.BENCH_FULL ? TARGET_OUTAGE_S : QUICK_OUTAGE_S));
const RATE = Number(process.env.BENCH_SLACK_TIPS_PER_SECOND ?? 5);
const AFTER_RECOVERY_S = 10;
const BASELINE_TIPS = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Submits tips at RATE per second for `seconds`, calling `onTick(elapsedMs)` before each. */
async function stream(app: App, seconds: number, submitted: Map<string, number>, onTick: (elapsedMs: number) => void = () => {}) {
  const started = performance.now();
  const total = Math.round(seconds * RATE);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    onTick(performance.now() - started);
    const { ref } = await app.tips.submit(
      newTip(i % 5 === 0 ? "danger_now" : "other", { reporter: { channel: "console", address: `bench-${i}-${Math.random()}` } }),
    );
    submitted.set(ref, Date.now());
  }
}

function postedAt(api: FakeSlackApi, ref: string): number | undefined {
  return api.withKey(mainKey(ref))[0]?.postedAt;
}

async function allPosted(api: FakeSlackApi, refs: string[], timeoutMs: number): Promise<void> {
  await api.waitFor(() => refs.every((r) => postedAt(api, r) !== undefined), { timeoutMs, intervalMs: 50 });
}

export async function run(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lentera-bench-slack-"));
  const api = await startFakeSlackApi();
  const config = loadConfig({
    LENTERA_DATA_DIR: dataDir,
    LENTERA_DATA_KEY: generateDataKey(),
    LOG_LEVEL: "silent",
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: "bench-signing-secret",
    SLACK_API_URL: api.apiUrl,
    SLACK_TRIAGE_CHANNEL: "C0TRIAGE",
    SLACK_URGENT_CHANNEL: "C0URGENT",
    SLACK_OFFICER_IDS: "U0OFFICER",
  });
  const app = await createApp(config, { logger: createLogger("silent") });
  const http = createHttpServer({ logger: app.logger, ready: () => app.ready() });
  const slack = await startSlack(app, http);
  try {
    // Baseline: Slack healthy, same rate.
    const baseline = new Map<string, number>();
    await stream(app, BASELINE_TIPS / RATE, baseline);
    await allPosted(api, [...baseline.keys()], 30_000);
    const latencies = [...baseline].map(([ref, at]) => postedAt(api, ref)! - at);

    // Fault: 500s for OUTAGE_S while tips keep coming, then AFTER_RECOVERY_S more of healthy traffic.
    const submitted = new Map<string, number>();
    let recoveredAt = 0;
    const callsBefore = api.calls.length;
    api.fail({ status: 500 });
    await stream(app, OUTAGE_S + AFTER_RECOVERY_S, submitted, (elapsed) => {
      if (!recoveredAt && elapsed >= OUTAGE_S * 1000) {
        api.recover();
        recoveredAt = Date.now();
      }
    });
    const backlog = [...submitted].filter(([, at]) => at < recoveredAt).map(([ref]) => ref);
    await allPosted(api, [...submitted.keys()], 120_000);
    const backlogDrained = Math.max(...backlog.map((r) => postedAt(api, r)!)) - recoveredAt;
    const firstAfter = Math.min(...backlog.map((r) => postedAt(api, r)!)) - recoveredAt;
    const failedCalls = api.calls.slice(callsBefore).filter((c) => c.status === 500).length;

    const refs = [...baseline.keys(), ...submitted.keys()];
    const posts = refs.map((r) => api.withKey(mainKey(r)).length);
    const urgent = refs.filter((r) => api.withKey(`urgent:${r}`).length > 0).length;
    const doubled = posts.filter((n) => n > 1).length;
    const missing = posts.filter((n) => n === 0).length;

    console.log(`tips at ${RATE}/s; baseline submit→post latency with Slack healthy (n=${latencies.length}): median ${fmt(median(latencies))}, p99 ${fmt(percentile(latencies, 99))}`);
    const scale = OUTAGE_S === TARGET_OUTAGE_S
      ? "the target's full outage"
      : `shortened run, not the ${TARGET_OUTAGE_S} s target: \`npm run bench -- slack-fault --full\` runs it`;
    console.log(`outage: HTTP 500 for ${OUTAGE_S} s (${scale}); ${backlog.length} tips queued during it; the worker made ${failedCalls} failed calls (backoff probes) in that time`);
    console.log(`after recovery: first backlog post ${fmt(firstAfter)}, backlog drained in ${fmt(backlogDrained)} (${((backlog.length / Math.max(1, backlogDrained - firstAfter)) * 1000).toFixed(0)} tips/s once draining)`);
    console.log(`exactly once: ${refs.length} tips, ${posts.filter((n) => n === 1).length} posted once, ${doubled} posted twice or more, ${missing} missing; ${urgent} urgent alerts`);
  } finally {
    await slack.stop();
    await http.close();
    await app.close();
    await api.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
