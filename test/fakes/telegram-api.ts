/**
 * A small fake of the Telegram Bot API on 127.0.0.1 for tests and the bench.
 * It records every call (`POST /bot<token>/<method>` with a JSON body), serves queued updates to
 * `getUpdates` (long polling with offsets, like Telegram), and can answer 429 with `retry_after`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Update, UserFromGetMe } from "grammy/types";

export interface ApiCall {
  method: string;
  body: Record<string, any>;
  at: number;
  /** False when the fake answered with an error (429). */
  ok: boolean;
}

export const FAKE_BOT_INFO: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: "Lentera",
  username: "lentera_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

interface Poller {
  offset: number;
  limit: number;
  res: http.ServerResponse;
  timer: NodeJS.Timeout;
}

export interface FakeTelegramApi {
  apiRoot: string;
  calls: ApiCall[];
  /** Queue an update for getUpdates (it gets the next update_id unless it has one). */
  push(update: Omit<Update, "update_id"> & { update_id?: number }): Update;
  /**
   * Serves an already-seen update again, as Telegram does after a bot died before confirming it
   * (a fresh poller starts at offset 0 and gets it).
   */
  redeliver(update: Update): void;
  /** The next `times` calls of `method` fail with 429 and this retry_after (seconds). */
  failWith429(method: string, retryAfter: number, times?: number): void;
  /** Texts sent with sendMessage, optionally only to one chat. */
  sentTexts(chatId?: number): string[];
  /** Calls `listener` for every call from now on; returns the unsubscribe function. */
  onCall(listener: (c: ApiCall) => void): () => void;
  /** Resolves with the first call (from `fromIndex` on) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (c: ApiCall) => boolean, opts?: { timeoutMs?: number; fromIndex?: number }): Promise<ApiCall>;
  close(): Promise<void>;
}

export async function startFakeTelegramApi(opts: { botInfo?: UserFromGetMe } = {}): Promise<FakeTelegramApi> {
  const botInfo = opts.botInfo ?? FAKE_BOT_INFO;
  const calls: ApiCall[] = [];
  const queued: Update[] = [];
  const pollers = new Set<Poller>();
  const failures = new Map<string, { retryAfter: number; times: number }>();
  const watchers = new Set<(c: ApiCall) => void>();
  let nextUpdateId = 1_000;
  let nextMessageId = 1;

  const json = (res: http.ServerResponse, status: number, payload: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(payload));
  };
  const ok = (res: http.ServerResponse, result: unknown) => json(res, 200, { ok: true, result });

  const pending = (offset: number, limit: number) => queued.filter((u) => u.update_id >= offset).slice(0, limit);
  const answerPoller = (p: Poller) => {
    clearTimeout(p.timer);
    pollers.delete(p);
    ok(p.res, pending(p.offset, p.limit));
  };
  const wakePollers = () => {
    for (const p of [...pollers]) if (pending(p.offset, p.limit).length > 0) answerPoller(p);
  };

  const getUpdates = (body: Record<string, any>, res: http.ServerResponse) => {
    const offset = Number(body.offset ?? 0);
    const limit = Number(body.limit ?? 100);
    // Like Telegram: asking for an offset confirms (forgets) every earlier update.
    for (let i = queued.length - 1; i >= 0; i--) if (queued[i]!.update_id < offset) queued.splice(i, 1);
    if (pending(offset, limit).length > 0 || !body.timeout) return ok(res, pending(offset, limit));
    const poller: Poller = {
      offset, limit, res,
      timer: setTimeout(() => answerPoller(poller), Number(body.timeout) * 1000),
    };
    pollers.add(poller);
    res.on("close", () => {
      clearTimeout(poller.timer);
      pollers.delete(poller);
    });
  };

  const resultFor = (method: string, body: Record<string, any>): unknown => {
    switch (method) {
      case "getMe":
        return botInfo;
      case "sendMessage":
      case "sendPhoto":
      case "sendDocument":
        return {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(body.chat_id), type: "private", first_name: "U" },
          text: body.text,
          ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
        };
      case "getWebhookInfo":
        return { url: "", has_custom_certificate: false, pending_update_count: 0 };
      default:
        return true;
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = (req.url ?? "").split("?")[0]!.split("/").pop() ?? "";
      let body: Record<string, any> = {};
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
      } catch {
        return json(res, 400, { ok: false, error_code: 400, description: "Bad Request: body is not JSON" });
      }
      const failure = failures.get(method);
      const fail = failure !== undefined && failure.times > 0;
      const call = { method, body, at: Date.now(), ok: !fail };
      calls.push(call);
      for (const w of [...watchers]) w(call);
      if (fail) {
        failure.times--;
        return json(res, 429, {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${failure.retryAfter}`,
          parameters: { retry_after: failure.retryAfter },
        });
      }
      if (method === "getUpdates") return getUpdates(body, res);
      ok(res, resultFor(method, body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    push(update) {
      const full = { ...update, update_id: update.update_id ?? nextUpdateId++ } as Update;
      queued.push(full);
      wakePollers();
      return full;
    },
    redeliver(update) {
      queued.push(update);
      queued.sort((a, b) => a.update_id - b.update_id);
      wakePollers();
    },
    failWith429(method, retryAfter, times = 1) {
      failures.set(method, { retryAfter, times });
    },
    sentTexts(chatId) {
      return calls
        .filter((c) => c.method === "sendMessage" && c.ok && (chatId === undefined || Number(c.body.chat_id) === chatId))
        .map((c) => String(c.body.text));
    },
    onCall(listener) {
      watchers.add(listener);
      return () => void watchers.delete(listener);
    },
    waitFor(match, { timeoutMs = 10_000, fromIndex = 0 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = calls.slice(fromIndex).find(match);
          if (!hit) return false;
          watchers.delete(check);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`fake Telegram API: no matching call within ${timeoutMs} ms`));
        }, timeoutMs);
        if (!check()) watchers.add(check);
      });
    },
    async close() {
      for (const p of [...pollers]) answerPoller(p);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------- update builders (what Telegram would send) ----------

export interface FakeUser {
  id: number;
  lang?: string;
}

const now = () => Math.floor(Date.now() / 1000);
let messageSeq = 10_000;
const from = (u: FakeUser) => ({ id: u.id, is_bot: false, first_name: "Tester", language_code: u.lang });
const chat = (u: FakeUser) => ({ id: u.id, type: "private" as const, first_name: "Tester" });

export const updates = {
  text(u: FakeUser, text: string, extra: Record<string, unknown> = {}): Omit<Update, "update_id"> {
    const command = /^\/\S+/.exec(text);
    return {
      message: {
        message_id: messageSeq++, date: now(), chat: chat(u), from: from(u), text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
        ...extra,
      },
    } as Omit<Update, "update_id">;
  },
  forwarded(u: FakeUser, text: string): Omit<Update, "update_id"> {
    return updates.text(u, text, { forward_origin: { type: "hidden_user", sender_user_name: "Someone", date: now() - 60 } });
  },
  photo(u: FakeUser, fileId: string, caption?: string): Omit<Update, "update_id"> {
    return {
      message: {
        message_id: messageSeq++, date: now(), chat: chat(u), from: from(u),
        photo: [
          { file_id: `${fileId}-small`, file_unique_id: `${fileId}-s`, width: 90, height: 90 },
          { file_id: fileId, file_unique_id: `${fileId}-l`, width: 1280, height: 960 },
        ],
        ...(caption ? { caption } : {}),
      },
    } as Omit<Update, "update_id">;
  },
  callback(u: FakeUser, data: string, messageId = 1): Omit<Update, "update_id"> {
    return {
      callback_query: {
        id: `cb-${messageSeq++}`, from: from(u), chat_instance: "ci", data,
        message: { message_id: messageId, date: now(), chat: chat(u), from: { id: FAKE_BOT_INFO.id, is_bot: true, first_name: "Lentera" }, text: "…" },
      },
    } as Omit<Update, "update_id">;
  },
};
