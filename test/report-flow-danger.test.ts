/**
 * Danger now, said where the bot expects something else: as an answer in a report, or as the reply to
 * an officer's question. The emergency guidance still comes first, and the report (or the reply) goes
 * on exactly as it would have.
 */
import { describe, expect, it } from "vitest";
import { texts } from "../src/i18n/index.js";
import { ConsoleSession, REF_PATTERN, useTestApp } from "./helpers/console-session.js";

const id = texts("id");
const GUIDANCE = `!! ${id.qa.danger}`;

/** The guidance opens the reply, before `next`. */
function expectGuidanceBefore(reply: string, next: string): void {
  expect(reply.startsWith(GUIDANCE)).toBe(true);
  expect(reply.indexOf(next)).toBeGreaterThan(GUIDANCE.length);
}

describe("danger now inside a report or a reply to an officer", () => {
  const testApp = useTestApp("sqlite");

  it("gives the guidance first and keeps the report at its question", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "family");
    await c.sendAll(["/lapor", "1", "1"]);
    const named = await c.send("Rina Marlina");
    expect(named).toContain(id.reports.questions.age);
    expect(named).not.toContain(id.qa.danger);
    // Asking for the bot's help is a command, not a cry for help.
    expect(await c.send("/help")).not.toContain(id.qa.danger);

    // Not an age: the guidance, then the same question again.
    const cry = await c.send("tolong adik saya dipukul majikannya");
    expectGuidanceBefore(cry, id.reports.questions.age);
    expect(await c.send("24")).toContain(id.reports.questions.relationship);
    await c.sendAll(["1", "Malaysia"]);

    // A valid answer that also says danger now: the guidance, then the next question; the answer counts.
    const held = "dia disekap di mess perusahaan di Johor";
    expectGuidanceBefore(await c.send(held), id.reports.questions.employer);
    const summary = await c.sendAll(["lewati", "15/03/2025", "1", "lewati", "lewati"]);
    expect(summary).toContain(id.reports.confirmQuestion);
    const sent = await c.send("1");
    await c.close();

    const tip = await t.app.tips.show(REF_PATTERN.exec(sent)![0]);
    expect(tip!.details).toMatchObject({ name: "Rina Marlina", age: 24, destinationCountry: "Malaysia", destinationCity: held });
  });

  it("gives the guidance first and still forwards the reply to the officer's question", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "asked-in-danger");
    const sent = await c.sendAll(["/lapor", "4", "1", "Lowongan pabrik di Malaysia lewat agen desa", "lewati", "1"]);
    const ref = REF_PATTERN.exec(sent)![0];
    await t.app.tips.act(ref, "officer-3", "ask", { text: "Di mana Anda sekarang?" });
    expect(await c.deliverNotices()).toContain(id.reports.noticeQuestion(ref, "Di mana Anda sekarang?"));

    const reply = "Di mess agen di Batam, paspor saya ditahan dan saya tidak boleh keluar";
    expectGuidanceBefore(await c.send(reply), id.reports.replyForwarded(ref));
    await c.close();
    expect((await t.app.tips.show(ref))!.audit.at(-1)).toMatchObject({ actor: "reporter", action: "reporter_reply", note: reply });
  });
});
