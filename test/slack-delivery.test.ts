/**
 * Delivery of tips to Slack through the durable outbox: the real tip service, database (both
 * backends), outbox worker and publisher against the fake Slack Web API, which fails on demand
 * (500, 429 + Retry-After, responses lost after posting). Every tip must be posted exactly once.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTipService, type LenteraTipService } from "../src/core/tips/service.js";
import { createWorkerClient } from "../src/channels/slack/bolt-app.js";
import { SlackOutboxWorker } from "../src/channels/slack/outbox-worker.js";
import { postMetadata } from "../src/channels/slack/poster.js";
import { mainKey, SlackPostStore } from "../src/channels/slack/post-store.js";
import { TipPublisher } from "../src/channels/slack/tip-publisher.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { Outbox } from "../src/storage/outbox.js";
import { startFakeSlackApi, type FakeSlackApi } from "./fakes/slack-api.js";
import { backends, openTestDatabase, type TestDatabase } from "./helpers/databases.js";
import { newTip } from "./helpers/tips.js";

const TRIAGE = "C0TRIAGE";
const FAST = { pollIntervalMs: 20, unavailableBaseMs: 50, unavailableMaxMs: 400, leaseMs: 5_000, busyRetryMs: 50 };

describe.each(backends)("Slack delivery on %s", (backend) => {
  let t: TestDatabase;
  let api: FakeSlackApi;
  let tips: LenteraTipService;
  let worker: SlackOutboxWorker;
  // Real time plus an offset the test can push forward (the worker schedules retries in real time).
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs), advanceMinutes: (m: number) => void (offsetMs += m * 60_000) };

  const startWorker = () => {
    const config = loadConfig({ ...t.env, SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "s", SLACK_TRIAGE_CHANNEL: TRIAGE, SLACK_API_URL: api.apiUrl });
    const logger = createLogger(process.env.SLACK_TEST_LOG ?? "silent");
    const store = new SlackPostStore(t.db.kysely);
    const publisher = new TipPublisher({
      tips,
      client: createWorkerClient(config, logger),
      store,
      refresh: new Outbox(t.db, { clock: clock.now }),
      options: { triageChannel: TRIAGE, lang: "en", leaseMs: FAST.leaseMs, now: clock.now },
    });
    // The tip service runs on the test's clock, so its events are due on that clock.
    const queue = new Outbox(t.db, { maxAttempts: 2_000_000_000, clock: clock.now });
    worker = new SlackOutboxWorker({ queue, sync: (ref) => publisher.sync(ref), logger, options: FAST });
    worker.start();
    return { store, publisher };
  };

  /** Top-level triage messages per tip ref. */
  const postsPerTip = () => {
    const counts = new Map<string, number>();
    for (const m of api.messages) {
      const key = m.metadata?.event_payload?.key;
      if (!m.deleted && typeof key === "string" && key.startsWith("tip:")) counts.set(key.slice(4), (counts.get(key.slice(4)) ?? 0) + 1);
    }
    return counts;
  };
  const allPosted = (refs: string[]) => () => refs.every((r) => postsPerTip().has(r));

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    tips = createTipService({ db: t.db, config: t.config, clock: clock.now });
  });
  afterAll(() => t.dispose());
  beforeEach(async () => {
    api = await startFakeSlackApi();
  });
  afterEach(async () => {
    await worker?.stop();
    await api.close();
    // Leave nothing queued for the next test (it has its own fake API).
    await t.db.kysely.deleteFrom("outbox").execute();
  });

  it("lets only one worker (of any process) work on a tip at a time", async () => {
    const store = new SlackPostStore(t.db.kysely);
    const attempts = await Promise.all([1, 2, 3].map(() => store.lock("LTR-LOCK-01", TRIAGE, 60_000)));
    expect(attempts.filter(Boolean)).toHaveLength(1);
    expect(await store.lock("LTR-LOCK-01", TRIAGE, 60_000)).toBe(false);
    await store.unlock("LTR-LOCK-01");
    expect(await store.lock("LTR-LOCK-01", TRIAGE, 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(await store.lock("LTR-LOCK-01", TRIAGE, 60_000)).toBe(true); // a crashed holder's lease expired
    await store.deleteRef("LTR-LOCK-01");
  });

  it("posts a new tip once and updates the same message as the tip moves", async () => {
    startWorker();
    const { ref } = await tips.submit(newTip("recruiter"));
    const [message] = await api.waitFor(() => api.withKey(mainKey(ref)).length === 1 && api.withKey(mainKey(ref)));
    expect(message!.channel).toBe(TRIAGE);
    expect(JSON.stringify(message!.blocks)).toContain(ref);

    await tips.act(ref, "U0OFFICER", "claim");
    worker.wake();
    await api.waitFor(() => message!.updates > 0);
    expect(JSON.stringify(message!.blocks)).toContain("<@U0OFFICER>");
    expect(api.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("500s and 429s for a while under a steady stream of tips: after recovery every tip is posted exactly once", async () => {
    startWorker();
    const refs: string[] = [];
    api.fail({ status: 500 });
    const stream = (async () => {
      for (let i = 0; i < 30; i++) {
        refs.push((await tips.submit(newTip(i % 5 === 0 ? "danger_now" : "other"))).ref);
        await new Promise((r) => setTimeout(r, 40));
      }
    })();
    await new Promise((r) => setTimeout(r, 700));
    api.fail({ status: 429, retryAfter: 1 });
    await new Promise((r) => setTimeout(r, 600));
    api.recover();
    await stream;
    await api.waitFor(allPosted(refs), { timeoutMs: 20_000 });

    const counts = postsPerTip();
    expect(refs.map((r) => counts.get(r))).toEqual(refs.map(() => 1));
    // Retry-After was honoured: after each 429, nothing reached Slack for a full second.
    const failed429 = api.calls.filter((c) => c.status === 429);
    expect(failed429.length).toBeGreaterThan(0);
    for (const c of failed429) {
      const next = api.calls.find((n) => n.at > c.at);
      if (next) expect(next.at - c.at).toBeGreaterThanOrEqual(1000 - 20);
    }
    // During the 500 outage the worker probed with backoff instead of replaying the backlog.
    expect(api.calls.filter((c) => c.status === 500).length).toBeLessThan(15);
  });

  it("a post whose response was lost (posted, then 500) is found by its metadata and never posted again", async () => {
    startWorker();
    api.fail({ lostResponse: true }, { methods: ["chat.postMessage"] });
    const refs = [(await tips.submit(newTip("other"))).ref, (await tips.submit(newTip("recruiter"))).ref];
    await api.waitFor(() => api.calls.filter((c) => c.status === 500).length >= 2);
    api.recover();
    await api.waitFor(() => refs.every((r) => api.callsOf("chat.update").some((c) => c.args.blocks && JSON.stringify(c.args.blocks).includes(r))));

    expect(refs.map((r) => postsPerTip().get(r))).toEqual([1, 1]);
    expect(api.callsOf("conversations.history").length).toBeGreaterThan(0);
  });

  it("survives a crash between posting and storing the ts, and a restart mid-backlog", async () => {
    const { store } = startWorker();
    await worker.stop();
    const crashed = await tips.submit(newTip("other"));
    // The previous process posted this tip and died before recording the ts: only its intent is stored.
    await store.recordIntent({ key: mainKey(crashed.ref), ref: crashed.ref, channel: TRIAGE });
    const res = await fetch(`${api.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { authorization: "Bearer xoxb-test", "content-type": "application/json" },
      body: JSON.stringify({ channel: TRIAGE, text: "posted before the crash", metadata: postMetadata(mainKey(crashed.ref), crashed.ref) }),
    });
    expect((await res.json()).ok).toBe(true);

    api.fail({ status: 500 });
    startWorker();
    const backlog = [(await tips.submit(newTip("other"))).ref, (await tips.submit(newTip("danger_now"))).ref];
    await new Promise((r) => setTimeout(r, 300));
    await worker.stop(); // "restart": the events are still in the outbox
    api.recover();
    startWorker();
    await api.waitFor(allPosted(backlog), { timeoutMs: 10_000 });
    await api.waitFor(() => api.withKey(mainKey(crashed.ref))[0]!.updates > 0);

    expect([crashed.ref, ...backlog].map((r) => postsPerTip().get(r))).toEqual([1, 1, 1]);
  });

  it("re-alerts a tip past its response target once, in its thread, and shows it overdue", async () => {
    startWorker();
    const { ref } = await tips.submit(newTip("danger_now"));
    const [message] = await api.waitFor(() => api.withKey(mainKey(ref)).length === 1 && api.withKey(mainKey(ref)));
    clock.advanceMinutes(20);
    expect(await tips.sweepOverdue()).toContain(ref);
    worker.wake();
    const alert = await api.waitFor(() => api.messages.find((m) => m.thread_ts === message!.ts && m.text?.includes("past its response target")));
    expect(alert.reply_broadcast).toBe(true);
    await api.waitFor(() => JSON.stringify(message!.blocks).includes("overdue by"));

    await tips.sweepOverdue();
    await tips.act(ref, "U0OFFICER", "note", { text: "looking" });
    worker.wake();
    await api.waitFor(() => message!.updates >= 2);
    expect(api.messages.filter((m) => m.thread_ts === message!.ts && m.text?.includes("past its response target"))).toHaveLength(1);
  });

  it("redacts Slack when the reporter withdraws consent: the message is replaced, thread entries deleted", async () => {
    startWorker();
    const reporter = { channel: "console" as const, address: "withdrawing-reporter" };
    const { ref } = await tips.submit(newTip("missing_person", { reporter }));
    const [message] = await api.waitFor(() => api.withKey(mainKey(ref)).length === 1 && api.withKey(mainKey(ref)));
    await tips.act(ref, "U0OFFICER", "ask", { text: "When did you last hear from her?" });
    worker.wake();
    const question = await api.waitFor(() => api.messages.find((m) => m.thread_ts === message!.ts));

    await tips.deleteReporterData(reporter.channel, reporter.address);
    worker.wake();
    await api.waitFor(() => question.deleted && message!.text?.includes("deleted at the reporter's request"));
    expect(JSON.stringify(message!.blocks)).not.toContain("Siti");
    expect(await new SlackPostStore(t.db.kysely).forRef(ref)).toEqual([]);
  });
});
