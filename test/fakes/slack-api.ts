/**
 * A fake Slack for tests and the bench, on 127.0.0.1:
 * - the Web API (`POST /api/<method>`, form-encoded like @slack/web-api sends it): it records every
 *   call, keeps channel messages (with metadata, threads, updates, deletes), answers
 *   conversations.history/replies like Slack, and can fail for a while with 500, 429 + Retry-After,
 *   or a "lost response" (it posts, then answers 500, like a response lost on the way back);
 * - response_url endpoints (`POST /respond/<id>`), recorded;
 * - `signedRequest`: what Slack sends to the app (signed block_actions, view_submission, slash
 *   commands, events), built the way Slack signs them: v0=HMAC-SHA256(secret, "v0:ts:body").
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiCall {
  method: string;
  args: Record<string, any>;
  at: number;
  /** HTTP status the fake answered with. */
  status: number;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  reply_broadcast?: boolean;
  text?: string;
  blocks?: any[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  deleted: boolean;
  updates: number;
  /** When it was posted (ms since epoch). */
  postedAt: number;
}

export type FailureMode = { status: 500 } | { status: 429; retryAfter: number } | { lostResponse: true };

export interface FakeSlackApi {
  /** Base URL for SLACK_API_URL (ends with /api/). */
  apiUrl: string;
  origin: string;
  calls: ApiCall[];
  messages: FakeMessage[];
  responses: { id: string; body: any }[];
  /** Members of user groups, for usergroups.users.list. */
  usergroups: Map<string, string[]>;
  /** From now on, Web API calls (all, or only `methods`) fail like this until `recover()` or `forMs` elapsed. */
  fail(mode: FailureMode, opts?: { methods?: string[]; forMs?: number }): void;
  recover(): void;
  responseUrl(id: string): string;
  /** Live messages posted by the bot whose metadata key is `key`. */
  withKey(key: string): FakeMessage[];
  callsOf(method: string): ApiCall[];
  /** Polls `probe` (sync or async) until it returns something other than undefined/false. */
  waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, opts?: { timeoutMs?: number; intervalMs?: number }): Promise<T>;
  close(): Promise<void>;
}

export const FAKE_TEAM = { id: "T0LENTERA", url: "https://lentera-test.slack.com/", bot_user_id: "U0BOT", bot_id: "B0BOT" };

function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.startsWith("application/json")) return JSON.parse(raw || "{}");
  const params = new URLSearchParams(raw);
  const args: Record<string, any> = {};
  for (const [k, v] of params) {
    // @slack/web-api JSON-encodes nested arguments (blocks, metadata, view).
    args[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return args;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: ApiCall[] = [];
  const messages: FakeMessage[] = [];
  const responses: { id: string; body: any }[] = [];
  const usergroups = new Map<string, string[]>();
  let failure: { mode: FailureMode; methods?: string[]; until: number } | undefined;
  let lastMicros = 0;

  const nextTs = () => {
    lastMicros = Math.max(lastMicros + 1, Date.now() * 1000);
    return `${Math.floor(lastMicros / 1e6)}.${String(lastMicros % 1e6).padStart(6, "0")}`;
  };
  const tsNum = (ts: string | undefined) => (ts ? Number(ts) : 0);
  const isTopLevel = (m: FakeMessage) => !m.thread_ts || m.thread_ts === m.ts || m.reply_broadcast;
  const shown = (m: FakeMessage, withMetadata: boolean) => ({
    type: "message",
    ts: m.ts,
    text: m.text,
    ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
    ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
    bot_id: FAKE_TEAM.bot_id,
  });

  const page = (list: FakeMessage[], args: Record<string, any>) => {
    const limit = Math.min(Number(args.limit ?? 100), 1000);
    const start = Number(args.cursor ?? 0);
    const slice = list.slice(start, start + limit);
    const next = start + limit < list.length ? String(start + limit) : "";
    const withMetadata = String(args.include_all_metadata) === "true";
    return { messages: slice.map((m) => shown(m, withMetadata)), has_more: Boolean(next), response_metadata: { next_cursor: next } };
  };
  const after = (args: Record<string, any>) => (m: FakeMessage) =>
    String(args.inclusive) === "true" ? tsNum(m.ts) >= tsNum(args.oldest) : tsNum(m.ts) > tsNum(args.oldest);

  const find = (channel: string, ts: string) => messages.find((m) => m.channel === channel && m.ts === ts && !m.deleted);

  const methods: Record<string, (args: Record<string, any>) => Record<string, unknown>> = {
    "auth.test": () => ({ url: FAKE_TEAM.url, team: "Lentera Test", team_id: FAKE_TEAM.id, user_id: FAKE_TEAM.bot_user_id, bot_id: FAKE_TEAM.bot_id }),
    "chat.postMessage": (args) => {
      if (!args.channel) return { ok: false, error: "channel_not_found" };
      if (args.thread_ts && !find(args.channel, args.thread_ts)) return { ok: false, error: "thread_not_found" };
      const m: FakeMessage = {
        channel: args.channel,
        ts: nextTs(),
        ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
        reply_broadcast: String(args.reply_broadcast) === "true",
        text: args.text,
        blocks: args.blocks,
        metadata: args.metadata,
        deleted: false,
        updates: 0,
        postedAt: Date.now(),
      };
      messages.push(m);
      return { channel: m.channel, ts: m.ts, message: shown(m, true) };
    },
    "chat.update": (args) => {
      const m = find(args.channel, args.ts);
      if (!m) return { ok: false, error: "message_not_found" };
      m.text = args.text;
      m.blocks = args.blocks;
      if (args.metadata) m.metadata = args.metadata;
      m.updates++;
      return { channel: m.channel, ts: m.ts };
    },
    "chat.delete": (args) => {
      const m = find(args.channel, args.ts);
      if (!m) return { ok: false, error: "message_not_found" };
      m.deleted = true;
      return { channel: m.channel, ts: m.ts };
    },
    "chat.postEphemeral": () => ({ message_ts: nextTs() }),
    "conversations.history": (args) =>
      page(
        messages.filter((m) => m.channel === args.channel && !m.deleted && isTopLevel(m) && after(args)(m)).reverse(),
        args,
      ),
    "conversations.replies": (args) => {
      const parent = find(args.channel, args.ts);
      if (!parent) return { ok: false, error: "thread_not_found" };
      const replies = messages.filter((m) => m.channel === args.channel && !m.deleted && m.thread_ts === args.ts && m !== parent);
      return page([parent, ...replies].filter(after(args)), args);
    },
    "views.open": (args) => ({ view: { id: `V${calls.length}`, ...(args.view ?? {}) } }),
    "views.update": (args) => ({ view: { id: args.view_id, ...(args.view ?? {}) } }),
    "views.publish": (args) => ({ view: { id: `V${calls.length}`, ...(args.view ?? {}) } }),
    "usergroups.users.list": (args) => {
      const users = usergroups.get(args.usergroup);
      return users ? { users } : { ok: false, error: "no_such_subteam" };
    },
  };

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://localhost");
      const respond = /^\/respond\/([^/]+)$/.exec(url.pathname);
      if (respond) {
        responses.push({ id: respond[1]!, body: safeJson(raw) });
        return send(res, 200, { ok: true });
      }
      const api = /^\/api\/([a-zA-Z.]+)$/.exec(url.pathname);
      if (!api || req.method !== "POST") return send(res, 404, { ok: false, error: "unknown_method" });
      const method = api[1]!;
      const args = parseBody(raw, req.headers["content-type"]);
      const call: ApiCall = { method, args, at: Date.now(), status: 200 };
      calls.push(call);

      if (failure && Date.now() >= failure.until) failure = undefined;
      const failing = failure && (!failure.methods || failure.methods.includes(method)) ? failure.mode : undefined;
      if (failing && "status" in failing) {
        call.status = failing.status;
        if (failing.status === 429) return send(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(failing.retryAfter) });
        return send(res, 500, { ok: false, error: "internal_error" });
      }
      if (!/^Bearer xox[bp]-/.test(req.headers.authorization ?? "")) return send(res, 200, { ok: false, error: "not_authed" });
      const handler = methods[method];
      if (!handler) return send(res, 200, { ok: false, error: "unknown_method" });
      const result = handler(args);
      if (failing) {
        // The call took effect, but the answer is lost on the way back.
        call.status = 500;
        return send(res, 500, { ok: false, error: "internal_error" });
      }
      send(res, 200, { ok: true, ...result });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    messages,
    responses,
    usergroups,
    fail(mode, opts = {}) {
      failure = { mode, methods: opts.methods, until: opts.forMs === undefined ? Infinity : Date.now() + opts.forMs };
    },
    recover() {
      failure = undefined;
    },
    responseUrl: (id) => `${origin}/respond/${id}`,
    withKey: (key) => messages.filter((m) => !m.deleted && m.metadata?.event_payload?.key === key),
    callsOf: (method) => calls.filter((c) => c.method === method && c.status === 200),
    async waitFor(probe, opts = {}) {
      const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
      for (;;) {
        const value = await probe();
        if (value !== undefined && value !== false) return value as never;
        if (Date.now() > deadline) throw new Error("fake slack: timed out waiting");
        await new Promise((r) => setTimeout(r, opts.intervalMs ?? 25));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------- Requests from Slack to the app ----------

export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

export function signSlackRequest(secret: string, body: string, contentType: string, timestamp = Math.floor(Date.now() / 1000)): SignedRequest {
  const signature = "v0=" + crypto.createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return {
    body,
    headers: { "content-type": contentType, "x-slack-signature": signature, "x-slack-request-timestamp": String(timestamp) },
  };
}

const FORM = "application/x-www-form-urlencoded";
let triggerSeq = 0;

/** An interactive payload as Slack posts it: form-encoded `payload=<JSON>` with the common envelope. */
function interactive(type: string, userId: string, fields: Record<string, unknown>): string {
  const payload = {
    type,
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: FAKE_TEAM.id },
    api_app_id: "A0LENTERA",
    token: "legacy-verification-token",
    team: { id: FAKE_TEAM.id, domain: "lentera-test" },
    trigger_id: `trigger-${++triggerSeq}`,
    ...fields,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function blockActionBody(o: { userId: string; actionId: string; value: string; channel: string; messageTs: string; responseUrl: string }): string {
  return interactive("block_actions", o.userId, {
    channel: { id: o.channel, name: "triage" },
    container: { type: "message", message_ts: o.messageTs, channel_id: o.channel, is_ephemeral: false },
    message: { type: "message", ts: o.messageTs, text: "" },
    response_url: o.responseUrl,
    actions: [
      { type: "button", action_id: o.actionId, block_id: "tip_actions", value: o.value, action_ts: `${Date.now() / 1000}`, text: { type: "plain_text", text: o.actionId } },
    ],
  });
}

export function viewSubmissionBody(o: { userId: string; callbackId: string; privateMetadata: string; values: Record<string, Record<string, unknown>> }): string {
  return interactive("view_submission", o.userId, {
    view: {
      id: "V0MODAL",
      type: "modal",
      callback_id: o.callbackId,
      private_metadata: o.privateMetadata,
      team_id: FAKE_TEAM.id,
      app_id: "A0LENTERA",
      bot_id: FAKE_TEAM.bot_id,
      hash: "h",
      blocks: [],
      title: { type: "plain_text", text: "t" },
      state: { values: o.values },
    },
  });
}

export function slashCommandBody(o: { userId: string; text: string; responseUrl: string; command?: string }): string {
  return new URLSearchParams({
    command: o.command ?? "/lentera",
    text: o.text,
    user_id: o.userId,
    user_name: o.userId.toLowerCase(),
    team_id: FAKE_TEAM.id,
    team_domain: "lentera-test",
    channel_id: "C0TRIAGE",
    channel_name: "triage",
    api_app_id: "A0LENTERA",
    token: "legacy-verification-token",
    response_url: o.responseUrl,
    trigger_id: `trigger-${++triggerSeq}`,
  }).toString();
}

export function appHomeOpenedBody(userId: string): string {
  return JSON.stringify({
    type: "event_callback",
    token: "legacy-verification-token",
    team_id: FAKE_TEAM.id,
    api_app_id: "A0LENTERA",
    event_id: `Ev${++triggerSeq}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: "app_home_opened", user: userId, channel: "D0HOME", tab: "home", event_ts: `${Date.now() / 1000}` },
    authorizations: [{ team_id: FAKE_TEAM.id, user_id: FAKE_TEAM.bot_user_id, is_bot: true }],
  });
}

/** POSTs a body to the app as Slack would, signed with `secret` (or deliberately badly). */
export async function sendToApp(
  url: string,
  secret: string,
  body: string,
  opts: { contentType?: string; timestamp?: number } = {},
): Promise<{ status: number; text: string }> {
  const contentType = opts.contentType ?? (body.startsWith("{") ? "application/json" : FORM);
  const signed = signSlackRequest(secret, body, contentType, opts.timestamp);
  const res = await fetch(url, { method: "POST", headers: signed.headers, body: signed.body });
  return { status: res.status, text: await res.text() };
}
