/**
 * Several `lentera` instances on one PostgreSQL behind a load balancer: one reporter's messages may
 * reach two instances at the same moment. Each step must still see the one before it, so no report
 * answer is overwritten and a double tap on "send" submits the report once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../src/app.js";
import type { InboundMessage, OutboundMessage } from "../src/core/messages.js";
import { ACTIONS } from "../src/core/reports/flow.js";
import { texts } from "../src/i18n/index.js";
import { createLogger } from "../src/logger.js";
import { REF_PATTERN } from "./helpers/console-session.js";
import { createTestConfig, type TestConfig } from "./helpers/databases.js";

const t = texts("id").reports;
const REPORTERS = 4;

const say = (app: App, address: string, message: Omit<InboundMessage, "channel" | "address">) =>
  app.engine.handle({ channel: "telegram", address, ...message });
const printed = (replies: OutboundMessage[]) => replies.map((r) => r.text).join("\n");

describe("two instances on one PostgreSQL database", () => {
  let db: TestConfig;
  let first: App;
  let second: App;

  beforeAll(async () => {
    db = await createTestConfig("postgres");
    // Opened one after the other: the second finds the schema and the retrieval index the first built.
    first = await createApp(db.config, { logger: createLogger("silent") });
    second = await createApp(db.config, { logger: createLogger("silent") });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await db?.dispose();
  });

  /** One reporter: answers and a double "send" reach both instances at once; nothing may be lost or doubled. */
  async function reportThroughBoth(address: string) {
    await say(first, address, { text: "/lapor" });
    await say(second, address, { action: ACTIONS.report("other") });
    expect(printed(await say(first, address, { action: ACTIONS.consentYes }))).toContain(t.questions.description);

    const description = `Perekrut ${address} meminta biaya 15 juta sebelum berangkat`;
    const contact = `0812-5555-${address.slice(-4)}`;
    const answered = await Promise.all([say(first, address, { text: description }), say(second, address, { text: contact })]);
    // One answer moved on to the contact question, the other (seeing it) to the summary.
    expect(answered.map(printed).some((p) => p.includes(t.confirmQuestion))).toBe(true);
    expect(answered.map(printed).some((p) => p.includes(t.questions.contact))).toBe(true);

    const sent = await Promise.all([say(first, address, { action: ACTIONS.send }), say(second, address, { action: ACTIONS.send })]);
    // One press filed the report; the other, seeing it filed, shows the same reference again.
    const refs = sent.map((r) => REF_PATTERN.exec(printed(r))?.[0]);
    expect(refs[0]).toMatch(REF_PATTERN);
    expect(refs[1]).toBe(refs[0]);
    expect(await first.tips.refsForReporter("telegram", address)).toEqual([refs[0]]);

    // Whichever came first answered the description; the other is the contact. Both arrived.
    const tip = await second.tips.show(refs[0]!);
    expect([tip!.details.description, tip!.reporterContact].sort()).toEqual([contact, description].sort());
  }

  it("keeps every answer of a reporter whose messages are handled by both at once", async () => {
    await Promise.all(Array.from({ length: REPORTERS }, (_, i) => reportThroughBoth(`reporter-${1000 + i}`)));
  });
});
