/**
 * A process can die between two commits: after the tip is filed but before the conversation state
 * is saved, or after the state is saved but before the channel marks the delivery done. Either way
 * the reporter (or the platform) sends again; the tip must still exist exactly once, and the
 * reporter must get the reference already given.
 */
import { describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import type { InboundMessage, OutboundMessage } from "../src/core/messages.js";
import { ACTIONS } from "../src/core/reports/flow.js";
import { texts } from "../src/i18n/index.js";
import { reporterPseudonym } from "../src/storage/reporters.js";
import { REF_PATTERN, useTestApp } from "./helpers/console-session.js";
import { backends } from "./helpers/databases.js";
import { newTip, useTipService } from "./helpers/tips.js";

const t = texts("id").reports;
const printed = (replies: OutboundMessage[]) => replies.map((r) => r.text).join("\n");
const refIn = (replies: OutboundMessage[]) => REF_PATTERN.exec(printed(replies))?.[0];

describe.each(backends)("tip service, %s: a submission id files one tip", (backend) => {
  const ctx = useTipService(backend);
  const outboxEvents = async (ref: string) =>
    (await ctx.t.db.kysely.selectFrom("outbox").select("payload_enc").execute())
      .map((r) => ctx.t.db.cipher.decryptJson<{ ref: string; event: string }>(r.payload_enc))
      .filter((e) => e.ref === ref && e.event === "created");

  it("returns the tip already filed when the same submission is sent again", async () => {
    const tip = newTip("other", { submissionId: "flow-0001-aaaa", reporter: { channel: "telegram", address: "501" } });
    const first = await ctx.tips.submit(tip);
    const again = await ctx.tips.submit(tip);
    expect(again).toEqual(first);
    expect(await ctx.tips.refsForReporter("telegram", "501")).toEqual([first.ref]);
    expect(await outboxEvents(first.ref)).toHaveLength(1);
  });

  it("files one tip when the same submission arrives several times at once", async () => {
    const tip = newTip("recruiter", { submissionId: "flow-0002-bbbb", reporter: { channel: "telegram", address: "502" } });
    const results = await Promise.all(Array.from({ length: 6 }, () => ctx.tips.submit(tip)));
    expect(new Set(results.map((r) => r.ref)).size).toBe(1);
    expect(await ctx.tips.refsForReporter("telegram", "502")).toEqual([results[0]!.ref]);
  });

  it("keeps submissions of different reports, and of different reporters, apart", async () => {
    const reporter = { channel: "telegram" as const, address: "503" };
    const a = await ctx.tips.submit(newTip("other", { submissionId: "flow-0003-cccc", reporter }));
    const b = await ctx.tips.submit(newTip("other", { submissionId: "flow-0004-dddd", reporter }));
    // Another reporter cannot obtain someone's reference by reusing their submission id.
    const other = await ctx.tips.submit(newTip("other", { submissionId: "flow-0003-cccc", reporter: { channel: "telegram", address: "504" } }));
    expect(new Set([a.ref, b.ref, other.ref]).size).toBe(3);
  });
});

describe.each(backends)("conversation engine, %s: nothing is done twice after a crash", (backend) => {
  const testApp = useTestApp(backend);
  const say = (app: App, address: string, message: Omit<InboundMessage, "channel" | "address">) =>
    app.engine.handle({ channel: "telegram", address, ...message });
  const sessionOf = (app: App, address: string) =>
    app.db.kysely.selectFrom("sessions").select("state_enc")
      .where("reporter_pseudonym", "=", reporterPseudonym(app.db.cipher, "telegram", address))
      .executeTakeFirstOrThrow();

  async function toSummary(app: App, address: string) {
    await say(app, address, { text: "/lapor" });
    await say(app, address, { action: ACTIONS.report("other") });
    await say(app, address, { action: ACTIONS.consentYes });
    await say(app, address, { text: "Ada perekrut menahan paspor calon pekerja di penampungan" });
    const summary = await say(app, address, { action: ACTIONS.skip });
    expect(printed(summary)).toContain(t.confirmQuestion);
  }

  it("gives the same reference when the tip was filed but the conversation state was not saved", async () => {
    const { app } = testApp();
    const address = "7001";
    await toSummary(app, address);
    // The state as it was before "Send": what the database holds if the process died right after
    // the tip's commit and before the state's.
    const before = await sessionOf(app, address);
    const first = refIn(await say(app, address, { action: ACTIONS.send }));
    expect(first).toMatch(REF_PATTERN);
    await app.db.kysely.updateTable("sessions").set(before)
      .where("reporter_pseudonym", "=", reporterPseudonym(app.db.cipher, "telegram", address)).execute();

    const again = await say(app, address, { action: ACTIONS.send });
    expect(refIn(again)).toBe(first);
    expect(await app.tips.refsForReporter("telegram", address)).toEqual([first]);
  });

  it("answers a redelivered update as before without filing the report again", async () => {
    const { app } = testApp();
    const address = "7002";
    await toSummary(app, address);
    const sent = await say(app, address, { action: ACTIONS.send, eventId: "update-9001" });
    const ref = refIn(sent);
    expect(ref).toMatch(REF_PATTERN);

    const redelivered = await say(app, address, { action: ACTIONS.send, eventId: "update-9001" });
    expect(redelivered).toEqual(sent);
    expect(await app.tips.refsForReporter("telegram", address)).toEqual([ref]);
  });

  it("shows the reference again when Send is pressed after the report went", async () => {
    const { app } = testApp();
    const address = "7003";
    await toSummary(app, address);
    const ref = refIn(await say(app, address, { action: ACTIONS.send, eventId: "update-9101" }));
    // A new press of the old button (its reply may never have arrived): the reference, not a new report.
    const pressedAgain = await say(app, address, { action: ACTIONS.send, eventId: "update-9102" });
    expect(printed(pressedAgain)).toBe(t.alreadySent(ref!));
    expect(await app.tips.refsForReporter("telegram", address)).toEqual([ref]);
  });

  it("relays a reporter's answer to an officer once, even when its delivery is handled twice", async () => {
    const { app } = testApp();
    const address = "7004";
    await toSummary(app, address);
    const ref = refIn(await say(app, address, { action: ACTIONS.send }))!;
    await app.tips.act(ref, "officer-1", "claim");
    await app.tips.act(ref, "officer-1", "ask", { text: "Di kota mana penampungannya?" });

    const reply = { text: "Di Batam, dekat pelabuhan", eventId: "update-9201" };
    const first = await say(app, address, reply);
    expect(printed(first)).toBe(t.replyForwarded(ref));
    expect(await say(app, address, reply)).toEqual(first);
    const view = await app.tips.show(ref);
    expect(view!.audit.filter((a) => a.action === "reporter_reply")).toHaveLength(1);
  });

  it("still answers a repeated question (nothing to protect: it changed nothing)", async () => {
    const { app } = testApp();
    const question = { text: "Apa itu P3MI?", eventId: "update-9301" };
    const first = await say(app, "7005", question);
    expect(printed(first).length).toBeGreaterThan(20);
    expect(await say(app, "7005", question)).toEqual(first);
  });
});
