/**
 * Telegram webhook mode on the shared HTTP server: only requests with the secret token get in,
 * each update is stored before the 200 and handled once, and a stored update survives a crash.
 */
import { randomBytes } from "node:crypto";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelegram } from "../src/channels/telegram/index.js";
import { createHttpServer } from "../src/http/server.js";
import { texts } from "../src/i18n/index.js";
import { FAKE_BOT_INFO, updates } from "./fakes/telegram-api.js";
import { startTelegramHarness, type TelegramHarness } from "./fakes/telegram-harness.js";

const SECRET = randomBytes(24).toString("base64url");
const WEBHOOK_URL = "https://bot.example.org/telegram/webhook";

let h: TelegramHarness;
let nextUpdateId = 900_000;
beforeAll(async () => {
  h = await startTelegramHarness({ env: { TELEGRAM_WEBHOOK_URL: WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET: SECRET } });
});
afterAll(async () => {
  await h?.stop();
});

const withId = (u: Omit<Update, "update_id">): Update => ({ ...u, update_id: nextUpdateId++ }) as Update;
const post = (update: Update, secret?: string) =>
  fetch(`${h.httpUrl}/telegram/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
    body: JSON.stringify(update),
  });
const inboxRows = async (updateId: number) =>
  (await h.app.db.kysely.selectFrom("inbox").selectAll().where("source", "=", "telegram").where("event_id", "=", String(updateId)).execute()).length;

describe("telegram webhook", () => {
  it("registers the webhook with Telegram together with the secret token", () => {
    const set = h.api.calls.find((c) => c.method === "setWebhook");
    expect(set?.body).toMatchObject({ url: WEBHOOK_URL, secret_token: SECRET });
    expect(h.api.calls.some((c) => c.method === "getUpdates")).toBe(false);
  });

  it("rejects a request with a missing or wrong secret: 401, nothing stored, no handler run", async () => {
    const user = { id: 601, lang: "en" };
    const handledBefore = h.handled.length;
    const callsBefore = h.api.calls.length;
    for (const secret of [undefined, "wrong", SECRET.slice(0, -1) + (SECRET.endsWith("A") ? "B" : "A")]) {
      const update = withId(updates.text(user, "/start"));
      const res = await post(update, secret);
      expect(res.status).toBe(401);
      expect(await inboxRows(update.update_id)).toBe(0);
    }
    // Give a wrongly accepted update time to show up before checking that none did.
    await new Promise((r) => setTimeout(r, 300));
    expect(h.handled.length).toBe(handledBefore);
    expect(h.api.calls.slice(callsBefore).filter((c) => c.method === "sendMessage")).toEqual([]);
  });

  it("rejects a body without a usable update_id with 400 and stores nothing", async () => {
    const user = { id: 605, lang: "en" };
    const { update_id: _, ...withoutId } = withId(updates.text(user, "/start"));
    const count = async () => Number((await h.app.db.kysely.selectFrom("inbox").select((s) => s.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const before = await count();
    for (const body of [withoutId, { ...withoutId, update_id: -1 }, { ...withoutId, update_id: 1.5 }, { ...withoutId, update_id: "42" }, { ...withoutId, update_id: null }]) {
      const res = await fetch(`${h.httpUrl}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
    }
    expect(await count()).toBe(before);
  });

  it("stores the update before answering 200, then replies", async () => {
    const user = { id: 602, lang: "id" };
    const update = withId(updates.text(user, "/start"));
    const x = await h.exchange(user, async () => {
      const res = await post(update, SECRET);
      expect(res.status).toBe(200);
      expect(await inboxRows(update.update_id)).toBe(1);
    });
    expect(x.texts).toEqual([texts("id").common.welcome]);
  });

  it("handles an update delivered several times (also at once) only once", async () => {
    const user = { id: 603, lang: "en" };
    const update = withId(updates.text(user, "/help"));
    const handledBefore = h.handled.length;
    const x = await h.exchange(user, async () => {
      const statuses = await Promise.all([post(update, SECRET), post(update, SECRET), post(update, SECRET)]);
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    });
    expect(x.texts).toEqual([texts("en").common.help]);
    expect((await post(update, SECRET)).status).toBe(200);
    // A later update of the same chat is handled after the repeats (one chat runs in order).
    await h.exchange(user, () => post(withId(updates.text(user, "/cek")), SECRET));
    expect(h.handled.slice(handledBefore).map((m) => m.text)).toEqual(["/help", "/cek"]);
  });

  it("processes an update that was acknowledged but not handled before a crash", async () => {
    const user = { id: 604, lang: "en" };
    const update = withId(updates.text(user, "/help"));
    // What a process that died right after its 200 leaves behind.
    expect(await h.app.inbox.store("telegram", String(update.update_id), update)).toBe(true);
    const x = await h.exchange(user, () => h.restart());
    expect(x.texts).toEqual([texts("en").common.help]);
  });

  it("refuses to start webhook mode without a long enough secret", async () => {
    const http = createHttpServer({ logger: h.app.logger, ready: async () => true });
    const callsBefore = h.api.calls.length;
    for (const secret of [undefined, "too-short-secret"]) {
      const app = { ...h.app, config: { ...h.app.config, TELEGRAM_WEBHOOK_SECRET: secret } };
      await expect(startTelegram(app, http, { botInfo: FAKE_BOT_INFO })).rejects.toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    }
    expect(h.api.calls.length).toBe(callsBefore);
  });
});
