/**
 * The soak run: a real PostgreSQL behind a fault proxy, the fake Telegram / WhatsApp / Slack
 * platforms, 2–3 `lentera start` processes sharing the database behind a round-robin balancer, then
 *   1. the question mix against 1 instance, then against 2 (throughput ratio);
 *   2. the mixed load (questions, offer checks, full reports, officer actions, duplicate deliveries)
 *      against every instance while an instance is SIGKILLed and restarted, Slack fails for a while
 *      and the database refuses connections for a moment;
 *   3. a drain (conversations finish, the outbox and notice queues empty), the invariant checks
 *      read from the database, and a graceful SIGTERM stop of every instance.
 * Everything binds 127.0.0.1 on random ports and every wait is bounded.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { percentile } from "../../bench/_stats.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/storage/db.js";
import { generateDataKey } from "../../src/storage/keys.js";
import { startEmbeddedPostgres, type RunningPostgres } from "../../test/helpers/embedded-postgres.js";
import { FakeGraphApi } from "../../test/fakes/graph-api.js";
import { startFakeSlackApi } from "../../test/fakes/slack-api.js";
import { startFakeTelegramApi } from "../../test/fakes/telegram-api.js";
import { Balancer } from "./balancer.js";
import { startInstance, type Instance } from "./instances.js";
import { checkInvariants, type Reporter, type Verdict } from "./invariants.js";
import { workTip, type OfficerContext, type OfficerRecord } from "./officer.js";
import { Rng } from "./rng.js";
import { runScenario, TurnStats, type ScenarioName, type TurnOptions, type TurnRecord } from "./scenarios.js";
import { startTcpFaultProxy } from "./tcp-fault-proxy.js";
import { measureCpu, type CpuFigures } from "./cpu.js";
import { ChatDirectory, telegramUser, whatsappReceived, whatsappUser, type SoakUser } from "./users.js";

export interface SoakOptions {
  /** Length of the mixed load-and-fault phase. */
  mixedMs: number;
  /** Length of each throughput phase (question mix on 1, then 2 instances). */
  throughputMs: number;
  instances: 2 | 3;
  /** Virtual users during the mixed phase. */
  concurrency: number;
  /**
   * Virtual users during the throughput phases: enough to keep the instances busy, since Telegram's
   * per-chat limit (one message a second, kept by the throttler) caps what each user can get.
   */
  throughputConcurrency: number;
  slackOutageMs: number;
  dbOutageMs: number;
  turnTimeoutMs: number;
  drainTimeoutMs: number;
  duplicateProbability: number;
  officerProbability: number;
  seed: number;
  /** Use this PostgreSQL server (admin URL) instead of starting an embedded one. */
  postgresAdminUrl?: string;
  log?: (line: string) => void;
}

export const SHORT: SoakOptions = {
  mixedMs: 50_000,
  throughputMs: 8_000,
  instances: 3,
  concurrency: 16,
  throughputConcurrency: 64,
  slackOutageMs: 12_000,
  dbOutageMs: 3_000,
  turnTimeoutMs: 25_000,
  drainTimeoutMs: 60_000,
  duplicateProbability: 0.15,
  officerProbability: 0.3,
  seed: 8,
};

export function optionsForDuration(durationMs: number): SoakOptions {
  return {
    ...SHORT,
    mixedMs: Math.max(30_000, durationMs),
    throughputMs: 20_000,
    concurrency: 32,
    throughputConcurrency: 96,
    slackOutageMs: Math.min(60_000, Math.max(10_000, durationMs / 4)),
    dbOutageMs: Math.min(10_000, Math.max(3_000, durationMs / 30)),
    drainTimeoutMs: 90_000,
  };
}

export interface PhaseFigures {
  instances: number;
  seconds: number;
  turns: number;
  messagesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpu: CpuFigures;
}

export interface SoakResult {
  throughput1: PhaseFigures;
  throughput2: PhaseFigures;
  /** throughput2.messagesPerSecond / throughput1.messagesPerSecond */
  scaleRatio: number;
  mixed: PhaseFigures & { byScenario: Record<string, { turns: number; p50Ms: number; p99Ms: number }> };
  recovery: {
    killedInstanceRestartMs: number;
    deliveriesRetriedDuringKill: number;
    slackOutageMs: number;
    slackBacklogDrainMs: number | undefined;
    /** Slack messages posted after the outage ended (the backlog plus new tips). */
    slackPostsAfterOutage: number;
    dbOutageMs: number;
    dbReadyAgainMs: number | undefined;
    dbFirstAnswerMs: number | undefined;
  };
  stats: {
    conversations: number; apologies: number; timeouts: number; rateLimited: number; duplicatesSent: number; redeliveries: number;
    referencesFoundWithStatus: number;
  };
  shutdown: { name: string; ms: number; code: number | null }[];
  /** Instances that exited during start-up (database unreachable) and were started again, as a supervisor does. */
  restartsAfterFailedBoot: number;
  unexpectedExits: string[];
  verdict: Verdict;
  ok: boolean;
  logDir: string;
}

const OFFICER = "U0SOAKOFFICER";
const TRIAGE = "C0TRIAGE";

function figures(turns: TurnRecord[], from: number, to: number, instances: number, cpu: CpuFigures): PhaseFigures {
  const inWindow = turns.filter((t) => t.startedAt >= from && t.startedAt + t.latencyMs <= to);
  const latencies = inWindow.map((t) => t.latencyMs);
  const seconds = (to - from) / 1000;
  return {
    instances,
    seconds: Math.round(seconds),
    turns: inWindow.length,
    messagesPerSecond: Math.round((inWindow.length / seconds) * 10) / 10,
    p50Ms: latencies.length ? Math.round(percentile(latencies, 50)) : 0,
    p99Ms: latencies.length ? Math.round(percentile(latencies, 99)) : 0,
    cpu,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(probe: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<number | undefined> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await probe().catch(() => false)) return Date.now() - start;
    await sleep(everyMs);
  }
  return undefined;
}

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const rng = new Rng(o.seed);
  const cleanups: (() => Promise<unknown>)[] = [];
  const logDir = await mkdtemp(path.join(os.tmpdir(), "lentera-soak-logs-"));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lentera-soak-data-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

  try {
    // --- PostgreSQL, behind the fault proxy ---
    let server: RunningPostgres | undefined;
    if (!o.postgresAdminUrl) {
      server = await startEmbeddedPostgres();
      cleanups.push(() => server!.stop());
    }
    const adminUrl = new URL(o.postgresAdminUrl ?? server!.url);
    const dbName = `lentera_soak_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: adminUrl.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.end();
    });
    const directUrl = new URL(adminUrl);
    directUrl.pathname = `/${dbName}`;
    const proxy = await startTcpFaultProxy({ host: directUrl.hostname, port: Number(directUrl.port) });
    cleanups.push(() => proxy.close());
    const proxiedUrl = new URL(directUrl);
    proxiedUrl.port = String(proxy.port);

    // --- fake platforms ---
    const telegram = await startFakeTelegramApi();
    cleanups.push(() => telegram.close());
    const graph = await new FakeGraphApi().start();
    cleanups.push(() => graph.stop());
    const slack = await startFakeSlackApi();
    cleanups.push(() => slack.close());
    const chats = new ChatDirectory();
    telegram.onCall((c) => {
      if (c.method === "sendMessage") chats.deliver("telegram", String(c.body.chat_id), { at: c.at, text: String(c.body.text), options: Boolean(c.body.reply_markup) });
    });
    graph.onSent = (m) => chats.deliver("whatsapp", m.to, whatsappReceived(m.body));

    const dataKey = generateDataKey();
    const secrets = {
      telegram: randomBytes(24).toString("hex"),
      whatsappApp: randomBytes(16).toString("hex"),
      slackSigning: randomBytes(16).toString("hex"),
    };
    const env: Record<string, string> = {
      LOG_LEVEL: "warn",
      DATABASE_URL: proxiedUrl.toString(),
      LENTERA_DATA_KEY: dataKey,
      LENTERA_DATA_DIR: dataDir,
      LENTERA_HTTP_HOST: "127.0.0.1",
      LENTERA_HTTP_PORT: "0",
      TELEGRAM_BOT_TOKEN: "4242:soak",
      TELEGRAM_WEBHOOK_URL: "https://lentera.soak.invalid/webhooks/telegram",
      TELEGRAM_WEBHOOK_SECRET: secrets.telegram,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      WHATSAPP_TOKEN: graph.token,
      WHATSAPP_PHONE_NUMBER_ID: graph.phoneNumberId,
      WHATSAPP_APP_SECRET: secrets.whatsappApp,
      WHATSAPP_VERIFY_TOKEN: "soak-verify",
      WHATSAPP_GRAPH_URL: graph.url,
      SLACK_BOT_TOKEN: "xoxb-soak",
      SLACK_SIGNING_SECRET: secrets.slackSigning,
      SLACK_API_URL: slack.apiUrl,
      SLACK_TRIAGE_CHANNEL: TRIAGE,
      SLACK_OFFICER_IDS: OFFICER,
    };

    // --- instances, the balancer and its health checks ---
    const live = new Map<string, Instance>();
    const unexpectedExits: string[] = [];
    const expectedExit = new Set<number>();
    /** Starts an instance like a process supervisor would: an instance that exits during start-up (e.g. the database is unreachable) is started again. */
    let restartsAfterFailedBoot = 0;
    const boot = async (name: string) => {
      let instance: Instance | undefined;
      for (let attempt = 1; !instance; attempt++) {
        try {
          instance = await startInstance({ name, env, logDir });
        } catch (err) {
          if (attempt >= 5) throw err;
          restartsAfterFailedBoot++;
          log(`  ${name} failed to start (${(err as Error).message.split(";")[0]}); starting it again`);
          await sleep(1_000);
        }
      }
      live.set(name, instance);
      void instance.exited.then(({ code, signal }) => {
        if (!expectedExit.has(instance.pid)) unexpectedExits.push(`${name} (pid ${instance.pid}) exited: code ${code}, signal ${signal}`);
      });
      log(`  ${name} ready at ${instance.url} after ${instance.bootMs} ms`);
      return instance;
    };
    cleanups.push(async () => {
      for (const i of live.values()) {
        expectedExit.add(i.pid);
        await i.kill();
      }
    });
    const balancer = new Balancer();
    let routed: string[] = [];
    // Like a load balancer's health check: instances that stop answering /healthz leave the pool.
    let checking = true;
    const healthLoop = (async () => {
      while (checking) {
        const healthy: string[] = [];
        for (const name of routed) {
          const i = live.get(name);
          if (i && (await fetch(`${i.url}/healthz`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false))) healthy.push(i.url);
        }
        balancer.setTargets(healthy.length > 0 ? healthy : routed.map((n) => live.get(n)?.url).filter((u): u is string => Boolean(u)));
        await sleep(300);
      }
    })();
    cleanups.push(async () => {
      checking = false;
      await healthLoop;
    });
    const route = (names: string[]) => {
      routed = names;
      balancer.setTargets(names.map((n) => live.get(n)!.url));
    };

    const stats = new TurnStats();
    const reporters: Reporter[] = [];
    const officerRecords: OfficerRecord[] = [];
    const turnOptions: TurnOptions = { balancer, stats, rng, turnTimeoutMs: o.turnTimeoutMs, duplicateProbability: 0 };
    const newUser = (): SoakUser => {
      const lang = rng.chance(0.6) ? "id" : "en";
      return rng.chance(0.5)
        ? telegramUser(chats, { path: "/webhooks/telegram", secret: secrets.telegram }, lang)
        : whatsappUser(chats, { path: "/webhooks/whatsapp", appSecret: secrets.whatsappApp, phoneNumberId: graph.phoneNumberId }, lang);
    };

    /** Virtual users run conversations back to back until `endAt`; each conversation is a fresh user. */
    const load = (users: number, endAt: () => number, pick: () => ScenarioName, options: TurnOptions) =>
      Promise.all(
        Array.from({ length: users }, async () => {
          while (Date.now() < endAt()) {
            const user = newUser();
            const scenario = pick();
            // Registered before the conversation, so a report still in progress at the end is known.
            const reporter: Reporter | undefined = scenario.startsWith("report") ? { user } : undefined;
            if (reporter) reporters.push(reporter);
            const result = await runScenario(user, scenario, options);
            if (!reporter) continue;
            if (result.ref) reporter.ref = result.ref;
            if (result.ref && rng.chance(o.officerProbability)) {
              const record = await workTip(officer, user, result.ref, options);
              if (record) officerRecords.push(record);
            }
          }
        }),
      );

    // --- 1. question mix: 1 instance, then 2 (all are started first, so no boot competes with the load) ---
    const names = o.instances === 3 ? ["a", "b", "c"] : ["a", "b"];
    // The first instance builds the retrieval index into the shared data directory; the others load it.
    log(`soak: starting ${names.length} instances`);
    await boot(names[0]!);
    await Promise.all(names.slice(1).map(boot));
    // The soak reads the database directly (not through the fault proxy), with the instances' key.
    const checker = await openDatabase(loadConfig({ DATABASE_URL: directUrl.toString(), LENTERA_DATA_KEY: dataKey, LENTERA_DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
    cleanups.push(() => checker.close());
    const db = checker.kysely;
    const officer: OfficerContext = {
      slack, signingSecret: secrets.slackSigning, officerId: OFFICER, db, balancer,
      postTimeoutMs: o.slackOutageMs + 60_000,
    };
    route(["a"]);
    log(`soak: question mix on 1 instance for ${o.throughputMs / 1000} s`);
    const t1 = Date.now();
    let cpu = measureCpu();
    await load(o.throughputConcurrency, () => t1 + o.throughputMs, () => "question", turnOptions);
    const throughput1 = figures(stats.turns, t1, t1 + o.throughputMs, 1, cpu());

    route(["a", "b"]);
    log(`soak: question mix on 2 instances for ${o.throughputMs / 1000} s`);
    const t2 = Date.now();
    cpu = measureCpu();
    await load(o.throughputConcurrency, () => t2 + o.throughputMs, () => "question", turnOptions);
    const throughput2 = figures(stats.turns, t2, t2 + o.throughputMs, 2, cpu());

    // --- 2. mixed load with faults ---
    route(names);
    const mixedOptions: TurnOptions = { ...turnOptions, duplicateProbability: o.duplicateProbability };
    const tm = Date.now();
    cpu = measureCpu();
    // The load lasts the planned time, and at least until every fault has been recovered from (plus a margin).
    let mixedEnd = tm + o.mixedMs;
    let faultsDone = false;
    const at = (fraction: number) => sleep(Math.max(0, tm + o.mixedMs * fraction - Date.now()));
    log(`soak: mixed load on ${names.length} instances for ${o.mixedMs / 1000} s, with faults`);
    const mix = load(o.concurrency, () => (faultsDone ? mixedEnd : Infinity), () => rng.weighted({ question: 45, offer: 20, report_other: 20, report_recruiter: 15 }), mixedOptions);

    const kill = (async () => {
      await at(0.1);
      const victim = names[0]!;
      const redeliveriesBefore = balancer.redeliveries;
      const killedAt = Date.now();
      expectedExit.add(live.get(victim)!.pid);
      await live.get(victim)!.kill();
      live.delete(victim);
      log(`  fault: SIGKILL ${victim} mid-load, restarting it`);
      await boot(victim);
      return { killedInstanceRestartMs: Date.now() - killedAt, deliveriesRetriedDuringKill: balancer.redeliveries - redeliveriesBefore };
    })();

    const slackOutage = (async () => {
      await at(0.3);
      log(`  fault: Slack answers 500 for ${o.slackOutageMs / 1000} s`);
      slack.fail({ status: 500 }, { forMs: o.slackOutageMs });
      await sleep(o.slackOutageMs);
      const slackBackAt = new Date();
      slack.recover();
      // Drained: every Slack post enqueued before Slack came back is done.
      const slackBacklogDrainMs = await until(async () => {
        const row = await db.selectFrom("outbox").select((eb) => eb.fn.countAll().as("n"))
          .where("topic", "=", "slack.tip").where("done_at", "is", null)
          .where("created_at", "<=", slackBackAt.toISOString()).executeTakeFirstOrThrow();
        return Number(row.n) === 0;
      }, 120_000);
      const slackPostsAfterOutage = slack.messages.filter((m) => Number(m.ts) * 1000 >= slackBackAt.getTime()).length;
      return { slackBacklogDrainMs, slackPostsAfterOutage };
    })();

    const dbOutage = (async () => {
      // One fault at a time: the database goes away only after the Slack backlog has drained,
      // so each recovery time measures its own fault.
      await slackOutage;
      await at(0.6);
      log(`  fault: PostgreSQL refuses connections for ${o.dbOutageMs / 1000} s`);
      const turnsBefore = stats.turns.length;
      await proxy.outage(o.dbOutageMs);
      const dbBackAt = Date.now();
      const dbReadyAgainMs = await until(async () => {
        const answers = await Promise.all([...live.values()].map((i) => fetch(`${i.url}/readyz`).then((r) => r.ok, () => false)));
        return answers.every(Boolean);
      }, 60_000, 100);
      const dbFirstAnswerMs = await until(async () => stats.turns.slice(turnsBefore).some((t) => t.startedAt >= dbBackAt), 60_000, 100);
      return { dbReadyAgainMs, dbFirstAnswerMs };
    })();
    const faults = Promise.all([kill, slackOutage, dbOutage]).then(([k, s, d]) => ({ ...k, ...s, ...d }));

    const recoveryFigures = await faults;
    mixedEnd = Math.max(mixedEnd, Date.now() + 8_000);
    faultsDone = true;
    await Promise.race([mix, sleep(Math.max(0, mixedEnd - Date.now()) + o.drainTimeoutMs)]);
    const mixed = figures(stats.turns, tm, mixedEnd, names.length, cpu());
    const byScenario: Record<string, { turns: number; p50Ms: number; p99Ms: number }> = {};
    for (const name of ["question", "offer", "report_other", "report_recruiter", "officer_reply"]) {
      const lat = stats.turns.filter((t) => t.startedAt >= tm && t.scenario === name).map((t) => t.latencyMs);
      if (lat.length) byScenario[name] = { turns: lat.length, p50Ms: Math.round(percentile(lat, 50)), p99Ms: Math.round(percentile(lat, 99)) };
    }

    // --- 3. drain, verdict, graceful stop ---
    log("soak: draining (outbox, notices)");
    await until(async () => {
      const [outbox, notices] = await Promise.all([
        db.selectFrom("outbox").select((eb) => eb.fn.countAll().as("n")).where("done_at", "is", null).executeTakeFirstOrThrow(),
        db.selectFrom("notices").select((eb) => eb.fn.countAll().as("n")).where("done_at", "is", null).executeTakeFirstOrThrow(),
      ]);
      return Number(outbox.n) === 0 && Number(notices.n) === 0;
    }, o.drainTimeoutMs);
    // Late duplicates would show up now: give the instances a moment to send anything left.
    await sleep(2_000);
    await sql`select 1`.execute(db);
    const verdict = await checkInvariants({ startedAt: tm, db, cipher: checker.cipher, slack, reporters, officer: officerRecords, chats, stats });

    log("soak: stopping every instance with SIGTERM");
    const shutdown: SoakResult["shutdown"] = [];
    for (const [name, instance] of live) {
      expectedExit.add(instance.pid);
      const r = await instance.stop();
      shutdown.push({ name, ms: r.ms, code: r.code });
    }
    live.clear();
    for (const s of shutdown) if (s.code !== 0) verdict.failures.push(`instance ${s.name} did not stop cleanly (exit code ${s.code})`);
    for (const e of unexpectedExits) verdict.failures.push(`unexpected exit: ${e}`);

    return {
      throughput1,
      throughput2,
      scaleRatio: throughput1.messagesPerSecond > 0 ? Math.round((throughput2.messagesPerSecond / throughput1.messagesPerSecond) * 100) / 100 : 0,
      mixed: { ...mixed, byScenario },
      recovery: { ...recoveryFigures, slackOutageMs: o.slackOutageMs, dbOutageMs: o.dbOutageMs },
      stats: {
        conversations: stats.started, referencesFoundWithStatus: stats.referencesFoundWithStatus,
        apologies: stats.apologies, timeouts: stats.timeouts, rateLimited: stats.rateLimited,
        duplicatesSent: stats.duplicatesSent, redeliveries: balancer.redeliveries,
      },
      shutdown,
      restartsAfterFailedBoot,
      unexpectedExits,
      verdict,
      ok: verdict.failures.length === 0,
      logDir,
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}
