/**
 * Telegram channel reliability: each update handled once (also after a restart), Telegram's 429
 * waited out, per-user rate limiting, one failing update never stops the bot, nothing personal logged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { texts } from "../src/i18n/index.js";
import { updates } from "./fakes/telegram-api.js";
import { startTelegramHarness, TEST_BOT_TOKEN, type TelegramHarness } from "./fakes/telegram-harness.js";

describe.each(["sqlite", "postgres"] as const)("telegram on %s: each update handled once", (backend) => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness({ backend });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("ignores an update Telegram delivers again after the bot restarted", async () => {
    const user = { id: 401, lang: "en" };
    const first = await h.say(user, updates.text(user, "/help"));
    expect(first.texts).toEqual([texts("en").common.help]);
    const update = { ...updates.text(user, "/start"), update_id: 77_001 };
    await h.say(user, update);

    // A new process with a new bot on the same database; Telegram serves the update again.
    await h.restart();
    const handledBefore = h.handled.length;
    h.api.redeliver(update);
    const next = await h.say(user, updates.text(user, "/cek"));
    expect(next.texts).toEqual([texts("en").common.offerAsk]);
    expect(h.handled.slice(handledBefore).map((m) => m.text)).toEqual(["/cek"]);
  });
});

describe("telegram: flood control and failures", () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness({ env: { LENTERA_RATE_LIMIT_PER_MINUTE: "3" } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("waits out a 429 retry_after and then delivers the reply once", async () => {
    const user = { id: 615240501, lang: "en" };
    h.api.failWith429("sendMessage", 1);
    const x = await h.say(user, updates.text(user, "/help"));
    const attempts = h.api.calls.filter((c) => c.method === "sendMessage" && c.body.chat_id === user.id);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(x.texts).toEqual([texts("en").common.help]);
  });

  it("keeps to one message per second in a chat", async () => {
    const user = { id: 615240502, lang: "id" };
    await h.say(user, updates.text(user, "/lapor"));
    // Switching language inside a report answers twice: the confirmation, then the question again.
    const x = await h.say(user, updates.text(user, "/bahasa en"));
    expect(x.texts[0]).toBe(texts("en").common.languageSet);
    expect(x.sent).toHaveLength(2);
    expect(x.sent[1]!.at - x.sent[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("answers a user who floods the bot once, politely, and stops handling their messages", async () => {
    const user = { id: 615240503, lang: "id" };
    for (let i = 0; i < 3; i++) await h.say(user, updates.text(user, "/help"));
    const handledBefore = h.handled.length;
    const from = h.api.calls.length;
    h.api.push(updates.text(user, "/help"));
    const polite = await h.api.waitFor((c) => c.method === "sendMessage" && c.body.chat_id === user.id, { fromIndex: from });
    expect(polite.body.text).toBe(texts("id").common.rateLimited);
    expect(h.handled.length).toBe(handledBefore);
    // Another user is not affected.
    const other = { id: 615240504, lang: "id" };
    expect((await h.say(other, updates.text(other, "/help"))).texts).toEqual([texts("id").common.help]);
  });

  it("apologises for an update that fails and keeps serving the next ones", async () => {
    const user = { id: 615240505, lang: "en" };
    const engine = h.app.engine;
    const handle = engine.handle;
    engine.handle = async () => {
      engine.handle = handle;
      throw new Error("engine exploded with internal details");
    };
    const from = h.api.calls.length;
    h.api.push(updates.text(user, "Nama saya Rahmawati, nomor 081234567890"));
    const apology = await h.api.waitFor((c) => c.method === "sendMessage" && c.body.chat_id === user.id, { fromIndex: from });
    expect(apology.body.text).toBe(texts("en").common.error);
    expect(apology.body.text).not.toContain("exploded");
    expect((await h.say(user, updates.text(user, "/help"))).texts).toEqual([texts("en").common.help]);
  });

  it("writes no message text, chat ids or token to the logs", () => {
    const logs = h.logs.join("\n");
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of ["Rahmawati", "081234567890", TEST_BOT_TOKEN, '"chat_id"', "615240"]) {
      expect(logs).not.toContain(secret);
    }
  });
});
