/**
 * The real Telegram channel (grammY, runner or webhook) over a real app and database, talking to
 * the fake Bot API. Tests push updates like Telegram would and read what the bot sent.
 * `say`/`tap` resolve once the engine's replies for that update have all reached the fake API.
 */
import { Writable } from "node:stream";
import type { Update } from "grammy/types";
import { createApp, type App } from "../../src/app.js";
import { startTelegram, type RunningTelegram } from "../../src/channels/telegram/index.js";
import { toTelegramSends } from "../../src/channels/telegram/render.js";
import type { Config } from "../../src/config.js";
import type { InboundMessage, OutboundMessage } from "../../src/core/messages.js";
import { createHttpServer, type HttpServer } from "../../src/http/server.js";
import { createLogger } from "../../src/logger.js";
import { createTestConfig, type Backend, type TestConfig } from "../helpers/databases.js";
import { FAKE_BOT_INFO, startFakeTelegramApi, updates, type ApiCall, type FakeTelegramApi, type FakeUser } from "./telegram-api.js";

export const TEST_BOT_TOKEN = "123456:TEST-token-for-the-fake-api";

export interface Exchange {
  replies: OutboundMessage[];
  /** sendMessage calls to this chat for this update, in order. */
  sent: ApiCall[];
  texts: string[];
}

export interface TelegramHarness {
  api: FakeTelegramApi;
  app: App;
  config: Config;
  /** Every log line written so far (to check that no personal data is logged). */
  logs: string[];
  /** Engine calls so far, in order. */
  handled: InboundMessage[];
  /** Base URL of the shared HTTP server (webhook mode). */
  httpUrl: string;
  say(user: FakeUser, update: Omit<Update, "update_id"> & { update_id?: number }): Promise<Exchange>;
  /** Runs `deliver` (which makes an update reach the bot) and waits for the engine's replies to `user`. */
  exchange(user: FakeUser, deliver: () => unknown): Promise<Exchange>;
  /** Presses an inline-keyboard button (by option id) on the bot's latest message to this user. */
  tap(user: FakeUser, optionId: string): Promise<Exchange>;
  /** A new process on the same database: channel and app stopped, then built again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  backend?: Backend;
  env?: Record<string, string>;
}

export async function startTelegramHarness(options: HarnessOptions = {}): Promise<TelegramHarness> {
  const api = await startFakeTelegramApi();
  const test: TestConfig = await createTestConfig(options.backend ?? "sqlite", {
    TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    LOG_LEVEL: "debug",
    ...options.env,
  });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const handled: InboundMessage[] = [];
  const waiters = new Map<string, ((replies: OutboundMessage[]) => void)[]>();

  let app!: App;
  let http!: HttpServer;
  let channel!: RunningTelegram;
  let httpUrl = "";

  const boot = async () => {
    app = await createApp(test.config, { logger: createLogger("debug", logStream) });
    // Observe the engine without changing it: which messages reached it and what it answered.
    const handle = app.engine.handle.bind(app.engine);
    app.engine.handle = async (msg) => {
      handled.push(msg);
      const replies = await handle(msg);
      waiters.get(msg.address)?.shift()?.(replies);
      return replies;
    };
    http = createHttpServer({ logger: app.logger, ready: () => app.ready() });
    channel = await startTelegram(app, http, { botInfo: FAKE_BOT_INFO, noticeIdleMs: 50 });
    httpUrl = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}`;
  };
  const shutdown = async () => {
    await channel.stop();
    await http.close();
    await app.close();
  };

  const nextReplies = (chatId: number) =>
    new Promise<OutboundMessage[]>((resolve) => {
      const key = String(chatId);
      waiters.set(key, [...(waiters.get(key) ?? []), resolve]);
    });

  const exchange = async (user: FakeUser, deliver: () => unknown): Promise<Exchange> => {
    const from = api.calls.length;
    const answered = nextReplies(user.id);
    await deliver();
    const replies = await answered;
    const expected = replies.flatMap(toTelegramSends).length;
    const toChat = (c: ApiCall) => c.method === "sendMessage" && c.ok && Number(c.body.chat_id) === user.id;
    let sent = api.calls.slice(from).filter(toChat);
    while (sent.length < expected) {
      const fromIndex = sent.length > 0 ? api.calls.indexOf(sent.at(-1)!) + 1 : from;
      await api.waitFor(toChat, { fromIndex, timeoutMs: 15_000 });
      sent = api.calls.slice(from).filter(toChat);
    }
    return { replies, sent, texts: sent.map((c) => String(c.body.text)) };
  };

  await boot();
  return {
    api,
    get app() {
      return app;
    },
    config: test.config,
    logs,
    handled,
    get httpUrl() {
      return httpUrl;
    },
    exchange,
    say: (user, update) => exchange(user, () => api.push(update)),
    tap(user, optionId) {
      const offered = [...api.calls]
        .reverse()
        .find((c) => c.method === "sendMessage" && Number(c.body.chat_id) === user.id && c.body.reply_markup);
      const buttons: { callback_data: string }[] = offered?.body.reply_markup.inline_keyboard.flat() ?? [];
      if (!buttons.some((b) => b.callback_data === optionId)) {
        throw new Error(`no button "${optionId}" on the latest message; buttons: ${buttons.map((b) => b.callback_data).join(", ")}`);
      }
      return exchange(user, () => api.push(updates.callback(user, optionId, 1)));
    },
    async restart() {
      await shutdown();
      await boot();
    },
    async stop() {
      await shutdown();
      await api.close();
      await test.dispose();
    },
  };
}
