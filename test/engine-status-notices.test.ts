/**
 * Following up a report through the console: /status by reference (or for one's own reports),
 * officers' status changes and questions delivered back from the NoticeQueue, and the reporter's
 * answer routed to the officer.
 */
import { describe, expect, it } from "vitest";
import { formatDateTime } from "../src/core/reports/format.js";
import { texts } from "../src/i18n/index.js";
import { ConsoleSession, REF_PATTERN, type TestApp, useTestApp } from "./helpers/console-session.js";
import { backends } from "./helpers/databases.js";

const id = texts("id").reports;

async function submitOther(t: TestApp, session: string, description: string): Promise<{ c: ConsoleSession; ref: string }> {
  const c = new ConsoleSession(t.app, session);
  const sent = await c.sendAll(["/lapor", "4", "1", description, "lewati", "1"]);
  return { c, ref: REF_PATTERN.exec(sent)![0] };
}

describe.each(backends)("status and officers' messages through the console (%s)", (backend) => {
  const testApp = useTestApp(backend);

  it("answers /status by reference, as typed, and for the reporter's own reports", async () => {
    const t = testApp();
    const { c, ref } = await submitOther(t, "follower", "Agen menahan paspor adik saya");
    const byRef = await c.send(`/status ${ref}`);
    expect(byRef).toContain(`${ref} (${id.kindNames.other})`);
    expect(byRef).toContain(id.statusLabels.new);
    const view = await t.app.tips.statusForReporter(ref);
    expect(byRef).toContain(id.statusDue(formatDateTime(view!.dueAt, "id")));
    // Typed loosely, with no command at all.
    expect(await c.send(ref.toLowerCase().replace(/-/g, " "))).toContain(id.statusLabels.new);
    expect(await c.send("/status")).toContain(ref);
    expect(await c.send("/status LTR-ZZZZ-ZZ")).toContain(id.statusUnknown("LTR-ZZZZ-ZZ"));
    await c.close();

    const stranger = new ConsoleSession(t.app, "stranger");
    expect(await stranger.send("/status")).toContain(id.statusAsk);
    expect(await stranger.send("LTR-12")).toContain(id.statusUnknown("LTR-12"));
    expect(await stranger.send(ref)).toContain(id.statusLabels.new);
    await stranger.close();
  });

  it("delivers status changes and questions, and routes the reporter's answer to the officer", async () => {
    const t = testApp();
    const { c, ref } = await submitOther(t, "asked", "Ada lowongan kerja mencurigakan di grup Facebook desa");
    await t.app.tips.act(ref, "officer-7", "claim");
    expect(await c.deliverNotices()).toContain(id.noticeStatus(ref, id.statusLabels.claimed));
    await t.app.tips.act(ref, "officer-7", "ask", { text: "Apa nama grup Facebook-nya?" });
    expect(await c.deliverNotices()).toContain(id.noticeQuestion(ref, "Apa nama grup Facebook-nya?"));
    expect(await c.deliverNotices()).toBe("");

    expect(await c.send("Loker Luar Negeri Jatim")).toContain(id.replyForwarded(ref));
    const tip = await t.app.tips.show(ref);
    expect(tip!.audit.at(-1)).toMatchObject({ actor: "reporter", action: "reporter_reply", note: "Loker Luar Negeri Jatim" });
    // With no open question, the next message is an ordinary one again.
    expect(await c.send("Loker Luar Negeri Jatim")).not.toContain(id.replyForwarded(ref));

    await t.app.tips.act(ref, "officer-7", "close", { outcome: "forwarded to police" });
    expect(await c.deliverNotices()).toContain(id.noticeStatus(ref, id.statusLabels.closed));
    expect(await c.send(`/status ${ref}`)).toContain(id.statusLabels.closed);
    await c.close();
  });

  it("leaves another console session's messages for that session", async () => {
    const t = testApp();
    const { c: mine, ref: myRef } = await submitOther(t, "mine", "Perekrut meminta biaya 10 juta di muka");
    const { c: theirs, ref: theirRef } = await submitOther(t, "theirs", "Teman saya tidak bisa dihubungi di Malaysia");
    await t.app.tips.act(theirRef, "officer-2", "claim");
    expect(await mine.deliverNotices()).toBe("");
    await mine.close();

    await t.app.db.kysely.updateTable("notices").set({ not_before: new Date(0).toISOString() }).execute();
    expect(await theirs.deliverNotices()).toContain(id.noticeStatus(theirRef, id.statusLabels.claimed));
    await theirs.close();
    expect(myRef).not.toBe(theirRef);
  });
});
