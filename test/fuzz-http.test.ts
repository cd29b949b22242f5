/**
 * Bad input over HTTP: every endpoint of a running Lentera (Telegram webhook, WhatsApp webhook,
 * Slack events, /healthz, /readyz, unknown paths) gets malformed, oversized, wrongly typed and
 * hostile requests — unsigned, mis-signed, and correctly signed but nonsensical. Every answer must
 * be a clear 4xx (or a 200 for a harmless, correctly signed delivery), never a 5xx, never internals;
 * the process must not crash, and afterwards it still answers real users on every channel.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../src/app.js";
import type { RunningChannel } from "../src/channels/types.js";
import { loadChannelModules } from "../src/cli/handlers/start.js";
import { createHttpServer, DEFAULT_MAX_BODY_BYTES, type HttpServer } from "../src/http/server.js";
import { createLogger } from "../src/logger.js";
import { FakeGraphApi, webhookBody, signBody } from "./fakes/graph-api.js";
import { blockActionBody, signSlackRequest, slashCommandBody, startFakeSlackApi, viewSubmissionBody, type FakeSlackApi } from "./fakes/slack-api.js";
import { startFakeTelegramApi, updates, type FakeTelegramApi } from "./fakes/telegram-api.js";
import { createTestConfig, type TestConfig } from "./helpers/databases.js";
import { deepJson, hostileString, leaks, mutate, randomBytes, Rng, wronglyTyped } from "./helpers/fuzz.js";

const TELEGRAM_SECRET = "fuzz-secret-0123456789-abcdefghijklmnop";
const WA_SECRET = "fuzz-app-secret";
const SLACK_SECRET = "fuzz-signing-secret";
const PATHS = {
  telegram: "/webhooks/telegram",
  whatsapp: "/webhooks/whatsapp",
  slack: "/slack/events",
} as const;

interface Answer {
  status: number;
  body: string;
}

describe("bad input over HTTP", () => {
  let t: TestConfig;
  let app: App;
  let http: HttpServer;
  let running: RunningChannel[] = [];
  let base = "";
  let telegram: FakeTelegramApi;
  let graph: FakeGraphApi;
  let slack: FakeSlackApi;
  const unhandled: unknown[] = [];
  const onUnhandled = (err: unknown) => unhandled.push(err);
  const rng = new Rng(20261123);

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    telegram = await startFakeTelegramApi();
    graph = await new FakeGraphApi().start();
    slack = await startFakeSlackApi();
    t = await createTestConfig("sqlite", {
      TELEGRAM_BOT_TOKEN: "4242:fuzz",
      TELEGRAM_WEBHOOK_URL: `https://lentera.fuzz.invalid${PATHS.telegram}`,
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      WHATSAPP_TOKEN: graph.token,
      WHATSAPP_PHONE_NUMBER_ID: graph.phoneNumberId,
      WHATSAPP_APP_SECRET: WA_SECRET,
      WHATSAPP_VERIFY_TOKEN: "fuzz-verify",
      WHATSAPP_GRAPH_URL: graph.url,
      SLACK_BOT_TOKEN: "xoxb-fuzz",
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_TRIAGE_CHANNEL: "C0TRIAGE",
      SLACK_OFFICER_IDS: "U0OFFICER",
    });
    app = await createApp(t.config, { logger: createLogger("silent") });
    http = createHttpServer({ logger: app.logger, ready: () => app.ready() });
    for (const module of (await loadChannelModules()).filter((m) => m.enabled(t.config))) running.push(await module.start(app, http));
    base = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}`;
  });

  afterAll(async () => {
    await http?.close();
    for (const r of running.reverse()) await r.stop();
    await app?.close();
    await Promise.all([telegram?.close(), graph?.stop(), slack?.close()]);
    await t?.dispose();
    process.off("unhandledRejection", onUnhandled);
  });

  async function send(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
    // A request the server never answers is a failure of its own (a hang), not a test timeout.
    const res = await fetch(`${base}${path}`, {
      method, headers, signal: AbortSignal.timeout(10_000),
      ...(body !== undefined && method !== "GET" && method !== "HEAD" ? { body: typeof body === "string" ? body : new Uint8Array(body) } : {}),
    });
    return { status: res.status, body: await res.text() };
  }

  function expectClear(answer: Answer, allowed: (status: number) => boolean, what: string): void {
    expect(answer.status, `${what} → ${answer.status} ${answer.body.slice(0, 200)}`).toSatisfy(allowed);
    expect(leaks(answer.body), `${what} leaked internals: ${answer.body.slice(0, 300)}`).toBeUndefined();
  }
  const is4xx = (s: number) => s >= 400 && s < 500;

  /** Random garbage bodies of every kind. */
  function garbage(): { body: string | Buffer; type: string } {
    switch (rng.int(7)) {
      case 0: return { body: randomBytes(rng, rng.int(4_000)), type: "application/octet-stream" };
      case 1: return { body: deepJson(1_000 + rng.int(20_000), rng.chance(0.5) ? "array" : "object"), type: "application/json" };
      case 2: return { body: JSON.stringify(wronglyTyped(rng)), type: "application/json" };
      case 3: return { body: hostileString(rng), type: rng.pick(["text/plain", "application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) };
      case 4: return { body: "{".repeat(rng.int(10)) + '"a":' + "\u0000", type: "application/json" };
      case 5: return { body: `payload=${encodeURIComponent(JSON.stringify(wronglyTyped(rng)))}`, type: "application/x-www-form-urlencoded" };
      default: return { body: "x".repeat(rng.int(100_000)), type: "application/json" };
    }
  }

  it("answers unsigned, mis-signed and malformed requests to every endpoint with a clear 4xx and no internals", async () => {
    const paths = [...Object.values(PATHS), "/healthz", "/readyz", "/", "/nope", "/webhooks", "/webhooks/telegram/extra", "/%2e%2e/%2e%2e/etc/passwd", `/${"a".repeat(8_000)}`, "/slack/events?x=<script>"];
    for (let i = 0; i < 200; i++) {
      const path = rng.pick(paths);
      const method = rng.pick(["POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS"]);
      const { body, type } = garbage();
      const headers: Record<string, string> = { "content-type": type };
      // Wrong credentials of every shape: none, random, almost right.
      if (rng.chance(0.5)) headers["x-telegram-bot-api-secret-token"] = rng.chance(0.5) ? TELEGRAM_SECRET.slice(0, -1) : "x";
      if (rng.chance(0.5)) headers["x-hub-signature-256"] = rng.pick(["sha256=00", "sha256=", "md5=abc", `sha256=${"0".repeat(64)}`]);
      if (rng.chance(0.5)) {
        headers["x-slack-signature"] = rng.pick(["v0=00", "v1=abc", ""]);
        headers["x-slack-request-timestamp"] = String(rng.pick([0, -1, 9_999_999_999, Math.floor(Date.now() / 1000)]));
      }
      const answer = await send(method, path, body, headers);
      const probe = (path === "/healthz" || path === "/readyz") && method === "GET";
      expectClear(answer, probe ? (s) => s === 200 : is4xx, `${method} ${path.slice(0, 40)} (${type})`);
    }
  });

  it("refuses oversized bodies with 413 before reading them", async () => {
    for (const path of Object.values(PATHS)) {
      const answer = await send("POST", path, Buffer.alloc(DEFAULT_MAX_BODY_BYTES + 1, 0x7b), { "content-type": "application/json" });
      expectClear(answer, (s) => s === 413, `oversized POST ${path}`);
    }
  });

  it("answers correctly signed but malformed WhatsApp deliveries with 400", async () => {
    const valid = JSON.parse(webhookBody(graph.phoneNumberId, {
      contacts: [{ profile: { name: "F" }, wa_id: "6281200000001" }],
      messages: [{ from: "6281200000001", id: "wamid.fuzz-valid", timestamp: "1700000000", type: "text", text: { body: "halo" } }],
    }));
    for (let i = 0; i < 150; i++) {
      const body = rng.chance(0.3) ? garbage().body.toString() : JSON.stringify(mutate(rng, valid));
      const answer = await send("POST", PATHS.whatsapp, body, { "content-type": "application/json", "x-hub-signature-256": signBody(body, WA_SECRET) });
      // A mutation can leave a valid payload (e.g. an extra unknown field): that is accepted with 200.
      expectClear(answer, (s) => s === 200 || s === 400, `signed WhatsApp payload #${i}`);
    }
  });

  it("answers correctly signed but malformed Slack requests without a server error", async () => {
    const action = blockActionBody({ userId: "U0OFFICER", actionId: "tip_claim", value: "LTR-2222-22", channel: "C0TRIAGE", messageTs: "1.1", responseUrl: slack.responseUrl("fuzz") });
    const payload = JSON.parse(new URLSearchParams(action).get("payload")!);
    const view = JSON.parse(new URLSearchParams(viewSubmissionBody({ userId: "U0OFFICER", callbackId: "tip_ask_modal", privateMetadata: "{}", values: {} })).get("payload")!);
    // Requests Bolt has no listener for are answered only after its 3-second ack timeout: send them in parallel.
    const requests = Array.from({ length: 60 }, () => {
      let body: string;
      let type = "application/x-www-form-urlencoded";
      switch (rng.int(4)) {
        case 0:
          body = new URLSearchParams({ payload: JSON.stringify(mutate(rng, rng.chance(0.5) ? payload : view)) }).toString();
          break;
        case 1:
          body = slashCommandBody({ userId: rng.pick(["U0OFFICER", "U0STRANGER", hostileString(rng, 30)]), text: hostileString(rng, 500), responseUrl: slack.responseUrl("fuzz") });
          break;
        case 2:
          body = JSON.stringify(wronglyTyped(rng));
          type = "application/json";
          break;
        default:
          body = garbage().body.toString();
      }
      return signSlackRequest(SLACK_SECRET, body, type);
    });
    const answers = await Promise.all(requests.map((signed) => send("POST", PATHS.slack, signed.body, signed.headers)));
    for (const [i, answer] of answers.entries()) expectClear(answer, (s) => s < 500, `signed Slack request #${i} ${requests[i]!.body.slice(0, 200)}`);
  });

  it("accepts correctly signed but nonsensical Telegram updates without failing the delivery", async () => {
    const valid = { update_id: 1, ...updates.text({ id: 991, lang: "id" }, "halo") };
    for (let i = 0; i < 120; i++) {
      const update = rng.chance(0.8) ? { ...mutate(rng, valid), update_id: 50_000 + i } : wronglyTyped(rng);
      const body = JSON.stringify(update);
      const answer = await send("POST", PATHS.telegram, body, { "content-type": "application/json", "x-telegram-bot-api-secret-token": TELEGRAM_SECRET });
      // Telegram retries anything but 2xx forever: a payload it sent must be taken (200) or refused as bad (4xx), never 5xx.
      expectClear(answer, (s) => s === 200 || is4xx(s), `signed Telegram update #${i} ${body.slice(0, 300)}`);
    }
  });

  it("keeps serving every channel afterwards", async () => {
    expect((await send("GET", "/healthz")).status).toBe(200);
    expect((await send("GET", "/readyz")).status).toBe(200);

    const chat = 4_242_001;
    const from = telegram.calls.length;
    const tg = await send("POST", PATHS.telegram, JSON.stringify({ update_id: 9_000_001, ...updates.text({ id: chat, lang: "en" }, "/start") }), {
      "content-type": "application/json", "x-telegram-bot-api-secret-token": TELEGRAM_SECRET,
    });
    expect(tg.status).toBe(200);
    await telegram.waitFor((c) => c.method === "sendMessage" && Number(c.body.chat_id) === chat, { fromIndex: from, timeoutMs: 20_000 });

    const waId = "6281299999999";
    const body = webhookBody(graph.phoneNumberId, {
      contacts: [{ profile: { name: "F" }, wa_id: waId }],
      messages: [{ from: waId, id: "wamid.after-fuzz", timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: "/start" } }],
    });
    expect((await send("POST", PATHS.whatsapp, body, { "content-type": "application/json", "x-hub-signature-256": signBody(body, WA_SECRET) })).status).toBe(200);
    await expect.poll(() => graph.sentTo(waId).length, { timeout: 20_000 }).toBeGreaterThan(0);

    const slash = slashCommandBody({ userId: "U0OFFICER", text: "stats", responseUrl: slack.responseUrl("after") });
    const signed = signSlackRequest(SLACK_SECRET, slash, "application/x-www-form-urlencoded");
    expect((await send("POST", PATHS.slack, signed.body, signed.headers)).status).toBe(200);

    expect(unhandled).toEqual([]);
  });

  it("rejects a valid-looking Telegram delivery with a signature computed the WhatsApp way", async () => {
    // Cross-channel confusion: an HMAC of the body is not Telegram's secret token.
    const body = JSON.stringify({ update_id: 9_000_002, ...updates.text({ id: 5, lang: "en" }, "hi") });
    const forged = createHmac("sha256", TELEGRAM_SECRET).update(body).digest("hex");
    expectClear(await send("POST", PATHS.telegram, body, { "content-type": "application/json", "x-telegram-bot-api-secret-token": forged }), is4xx, "forged telegram");
  });
});
