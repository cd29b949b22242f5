/**
 * Several instances behind a load balancer share one PostgreSQL database: one user's updates are
 * spread over two real grammY bots (webhook mode, each with its own app), talking to the fake Bot API.
 * The per-user limit must hold for the user as a whole, not once per instance.
 */
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../src/app.js";
import { createTelegramBot } from "../src/channels/telegram/bot.js";
import { texts } from "../src/i18n/index.js";
import { createLogger } from "../src/logger.js";
import { FAKE_BOT_INFO, startFakeTelegramApi, updates, type FakeTelegramApi } from "./fakes/telegram-api.js";
import { TEST_BOT_TOKEN } from "./fakes/telegram-harness.js";
import { createTestConfig, type TestConfig } from "./helpers/databases.js";

const LIMIT = 4;

describe("telegram rate limit across two instances on one PostgreSQL database", () => {
  let api: FakeTelegramApi;
  let db: TestConfig;
  const apps: App[] = [];
  let bots: Bot[] = [];
  let nextUpdateId = 500_000;

  beforeAll(async () => {
    api = await startFakeTelegramApi();
    db = await createTestConfig("postgres", {
      TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      LENTERA_RATE_LIMIT_PER_MINUTE: String(LIMIT),
    });
    // Opened one after the other: the second finds the schema and the retrieval index the first built.
    for (let i = 0; i < 2; i++) apps.push(await createApp(db.config, { logger: createLogger("silent") }));
    bots = apps.map((app) => createTelegramBot(app, { mode: "webhook", botInfo: FAKE_BOT_INFO, throttle: false }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await api?.close();
    await db?.dispose();
  });

  /** What the load balancer does: each update to the next instance in turn. */
  let turn = 0;
  const deliver = (update: Omit<Update, "update_id">) => bots[turn++ % bots.length]!.handleUpdate({ ...update, update_id: nextUpdateId++ } as Update);

  it("answers a user's first LIMIT messages, warns once, then stays silent, whichever instance gets them", async () => {
    const user = { id: 615241001, lang: "en" };
    for (let i = 0; i < LIMIT * 2 + 1; i++) await deliver(updates.text(user, "/help"));
    const help = texts("en").common.help;
    expect(api.sentTexts(user.id)).toEqual([...Array<string>(LIMIT).fill(help), texts("en").common.rateLimited]);

    // A button pressed over the limit is still acknowledged (no endless spinner), and not handled.
    const calls = api.calls.length;
    await deliver(updates.callback(user, "menu:cek"));
    expect(api.calls.slice(calls).map((c) => c.method)).toEqual(["answerCallbackQuery"]);

    // Another user is not affected.
    const other = { id: 615241002, lang: "id" };
    await deliver(updates.text(other, "/help"));
    await deliver(updates.text(other, "/help"));
    expect(api.sentTexts(other.id)).toEqual([texts("id").common.help, texts("id").common.help]);
  });
});
