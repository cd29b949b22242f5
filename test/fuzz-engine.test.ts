/**
 * Bad input straight into the conversation engine (what every channel calls): wrongly typed and
 * hostile messages, random button ids in every state of the report flow, huge / unicode / RTL /
 * zero-width text. The engine must never throw, always answer politely (no internals), never file
 * a tip the reporter did not consent to and confirm, store hostile text unchanged, and keep serving.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../src/app.js";
import type { InboundMessage, OutboundMessage } from "../src/core/messages.js";
import { ACTIONS } from "../src/core/reports/flow.js";
import { ENGINE_ACTIONS } from "../src/core/conversation/engine.js";
import { TIP_KINDS } from "../src/core/tips/types.js";
import { createLogger } from "../src/logger.js";
import { createTestConfig, type TestConfig } from "./helpers/databases.js";
import { HOSTILE_STRINGS, hostileString, leaks, Rng, wronglyTyped } from "./helpers/fuzz.js";

const REAL_ACTIONS = [
  ...TIP_KINDS.map((k) => ACTIONS.report(k)), ACTIONS.consentYes, ACTIONS.consentNo, ACTIONS.skip, ACTIONS.back, ACTIONS.cancel,
  ACTIONS.send, ACTIONS.edit, ACTIONS.editField("description"), ACTIONS.editField("name"), ENGINE_ACTIONS.deleteYes, ENGINE_ACTIONS.deleteNo,
  ENGINE_ACTIONS.continueReport, ENGINE_ACTIONS.lang("en"), ENGINE_ACTIONS.menu("lapor"), ENGINE_ACTIONS.menu("cek"), "pick:relationship:child",
  "pick:howContacted:whatsapp", "offer:report",
];

function expectPolite(replies: OutboundMessage[], input: string, what: string): void {
  expect(Array.isArray(replies), what).toBe(true);
  expect(replies.length, `${what}: no answer at all`).toBeGreaterThan(0);
  for (const r of replies) {
    expect(typeof r.text, what).toBe("string");
    expect(r.text.trim().length, `${what}: empty reply`).toBeGreaterThan(0);
    // Bounded: a reply never balloons with what the user sent (Telegram's limit is 4096 per message, channels split).
    expect(r.text.length, `${what}: reply of ${r.text.length} characters`).toBeLessThan(20_000);
    expect(leaks(r.text, input), `${what}: internals in ${r.text.slice(0, 200)}`).toBeUndefined();
    for (const o of r.options ?? []) {
      expect(Buffer.byteLength(o.id), `${what}: option id over Telegram's 64-byte callback limit`).toBeLessThanOrEqual(64);
      expect(o.label.trim().length).toBeGreaterThan(0);
    }
  }
}

describe("bad input into the conversation engine", () => {
  let t: TestConfig;
  let app: App;
  const rng = new Rng(8_2026);

  beforeAll(async () => {
    t = await createTestConfig("sqlite");
    app = await createApp(t.config, { logger: createLogger("silent") });
  });

  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  it("answers wrongly typed messages politely instead of throwing", async () => {
    const valid: InboundMessage = { channel: "telegram", address: "fuzz-typed", text: "halo" };
    for (let i = 0; i < 150; i++) {
      const key = rng.pick(["channel", "address", "text", "action", "attachments", "langHint", "forwarded", "extra"] as const);
      const broken = { ...valid, [key]: wronglyTyped(rng) } as unknown as InboundMessage;
      const replies = await app.engine.handle(rng.chance(0.1) ? (wronglyTyped(rng) as InboundMessage) : broken);
      expectPolite(replies, JSON.stringify(broken), `message with ${key} = ${JSON.stringify(broken[key as keyof InboundMessage])?.slice(0, 80)}`);
    }
  });

  it("answers hostile text (huge, unicode, RTL, zero-width, injection) politely", async () => {
    for (let i = 0; i < 100; i++) {
      const text = hostileString(rng, 20_000).slice(0, 16_000);
      const msg: InboundMessage = { channel: rng.pick(["telegram", "whatsapp", "console"] as const), address: `fuzz-text-${i % 7}`, text, forwarded: rng.chance(0.2) };
      expectPolite(await app.engine.handle(msg), text, `text ${JSON.stringify(text.slice(0, 60))}`);
    }
  });

  it("never files a tip without consent and confirmation, whatever buttons and words arrive in any order", async () => {
    // Half the steps follow the happy path of a report (so some reports do get filed), the rest is noise.
    const happy: Partial<InboundMessage>[] = [
      { text: "/lapor" }, { action: ACTIONS.report("other") }, { action: ACTIONS.consentYes },
      { text: "Sponsor mengumpulkan KTP warga desa" }, { action: ACTIONS.skip }, { action: ACTIONS.send },
    ];
    let filed = 0;
    for (let user = 0; user < 12; user++) {
      const address = `fuzz-flow-${user}`;
      let position = 0;
      let consents = 0;
      let confirmations = 0;
      // The summary echoes earlier answers: what the user wrote may show up again, and is not a leak.
      let written = "";
      for (let step = 0; step < 40; step++) {
        let part: Partial<InboundMessage>;
        if (rng.chance(0.5)) {
          part = happy[position]!;
          position = (position + 1) % happy.length;
        } else if (rng.chance(0.6)) {
          part = { action: rng.chance(0.85) ? rng.pick(REAL_ACTIONS) : hostileString(rng, 64).slice(0, 64) };
        } else {
          part = { text: rng.chance(0.3) ? rng.pick(["/lapor", "/cek", "/status", "/hapus", "ya", "kirim", "batal"]) : hostileString(rng, 3_000) };
        }
        if (part.action === ACTIONS.send) confirmations++;
        if (part.action === ACTIONS.consentYes) consents++;
        const msg = { channel: "console", address, ...part } as InboundMessage;
        written += `\n${part.text ?? part.action ?? ""}`;
        expectPolite(await app.engine.handle(msg), written, `step ${step} of user ${user}: ${JSON.stringify(part).slice(0, 100)}`);
      }
      const tips = (await app.tips.refsForReporter("console", address)).length;
      expect(tips, `user ${user}`).toBeLessThanOrEqual(Math.min(consents, confirmations));
      filed += tips;
    }
    expect(filed, "the walk never got a report filed; the property was not exercised").toBeGreaterThan(0);
    // Every tip that exists records the consent it was filed under.
    const rows = await app.db.kysely.selectFrom("tips").select(["consent_at", "consent_version"]).execute();
    for (const r of rows) expect(r.consent_at && r.consent_version).toBeTruthy();
  });

  it("stores hostile report text exactly as written and hands back a reference", async () => {
    const address = "fuzz-hostile-report";
    const description = `${rng.pick(HOSTILE_STRINGS.filter((s) => s.trim().length > 3 && !s.startsWith("/")))} ‮RTL‬ zero\u200Bwidth <!channel> ${"ä".repeat(300)}`;
    const say = (m: Partial<InboundMessage>) => app.engine.handle({ channel: "console", address, ...m });
    await say({ text: "/lapor" });
    await say({ action: ACTIONS.report("other") });
    await say({ action: ACTIONS.consentYes });
    await say({ text: description });
    await say({ action: ACTIONS.skip });
    const replies = await say({ action: ACTIONS.send });
    const ref = /LTR-[A-Z0-9]{4}-[A-Z0-9]{2}/.exec(replies.map((r) => r.text).join("\n"))?.[0];
    expect(ref, replies.map((r) => r.text).join("\n")).toBeDefined();
    const view = await app.tips.show(ref!);
    expect(view?.details.description).toBe(description.trim());
  });

  it("keeps serving normally afterwards", async () => {
    const replies = await app.engine.handle({ channel: "telegram", address: "fuzz-after", text: "/start", langHint: "en" });
    expect(replies[0]!.options?.length).toBeGreaterThan(0);
    const answer = await app.engine.handle({ channel: "telegram", address: "fuzz-after", text: "what documents do I need to work abroad legally?", langHint: "en" });
    expectPolite(answer, "", "a normal question");
  });
});
