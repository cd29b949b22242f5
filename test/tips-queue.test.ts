import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TipError } from "../src/core/tips/errors.js";
import { SLACK_TIP_TOPIC } from "../src/core/tips/types.js";
import { SqlNoticeQueue } from "../src/storage/notice-queue.js";
import { Outbox } from "../src/storage/outbox.js";
import { backends } from "./helpers/databases.js";
import { manualClock, newTip, useTipService } from "./helpers/tips.js";

describe.each(backends)("officer queue on %s", (backend) => {
  const clock = manualClock();
  const ctx = useTipService(backend, { clock: clock.now });

  const slackEvents = async () =>
    (await new Outbox(ctx.t.db).claim<{ ref: string; event: string }>(SLACK_TIP_TOPIC, 1000, 60_000)).map((i) => i.payload);

  it("submits with an unguessable reference and a due time from the kind's response target", async () => {
    const created = clock.now();
    const { ref, dueAt } = await ctx.tips.submit(newTip("danger_now"));
    expect(ref).toMatch(/^LTR-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/);
    expect(dueAt.getTime() - created.getTime()).toBe(ctx.t.config.LENTERA_TARGET_DANGER_MINUTES * 60_000);
    const view = await ctx.tips.show(ref);
    expect(view).toMatchObject({ ref, kind: "danger_now", status: "new", urgent: true, overdue: false, reporterChannel: "console" });
    expect(view?.details).toMatchObject({ where: "Mess karyawan blok C", howMany: 6 });
    expect(view?.reporterContact).toBeUndefined(); // anonymous: no contact shared
    expect(view?.consent).toEqual({ at: new Date("2026-01-01T00:00:00Z"), noticeVersion: "2026-01" });
    expect(view?.audit).toEqual([expect.objectContaining({ actor: "reporter", action: "submitted" })]);
    expect(await slackEvents()).toContainEqual({ ref, event: "created" });
  });

  it("gives different references to identical tips", async () => {
    const refs = await Promise.all(Array.from({ length: 20 }, () => ctx.tips.submit(newTip("other")).then((s) => s.ref)));
    expect(new Set(refs).size).toBe(20);
  });

  it("lets the reporter check the status with the reference alone, typed loosely", async () => {
    const { ref } = await ctx.tips.submit(newTip("recruiter"));
    const loose = ref.toLowerCase().replace(/-/g, " ");
    expect(await ctx.tips.statusForReporter(loose)).toMatchObject({ ref, kind: "recruiter", status: "new" });
    expect(await ctx.tips.statusForReporter("LTR-2222-22")).toBeUndefined();
    expect(await ctx.tips.statusForReporter("not a ref")).toBeUndefined();
  });

  it("runs the whole lifecycle with an append-only audit log, reporter notices and Slack events", async () => {
    const reporter = { channel: "console" as const, address: "lifecycle-reporter" };
    const { ref } = await ctx.tips.submit(newTip("missing_person", { reporter }));
    await slackEvents(); // drain

    expect(await ctx.tips.act(ref, "officer-a", "claim")).toMatchObject({ status: "claimed", assignee: "officer-a" });
    const asked = await ctx.tips.act(ref, "officer-a", "ask", { text: "Kapan terakhir dia menghubungi?" });
    expect(asked.status).toBe("needs_info");

    expect(await ctx.tips.addReporterReply(reporter.channel, reporter.address, "Dua minggu lalu lewat WhatsApp")).toEqual({ ref });
    expect((await ctx.tips.show(ref))?.status).toBe("claimed");

    await ctx.tips.act(ref, "officer-a", "escalate");
    const closed = await ctx.tips.act(ref, "officer-b", "close", { outcome: "Found safe; referred to BP2MI" });
    expect(closed).toMatchObject({ status: "closed", outcome: "Found safe; referred to BP2MI" });
    expect(closed.audit.map((a) => [a.actor, a.action])).toEqual([
      ["reporter", "submitted"],
      ["officer-a", "claim"],
      ["officer-a", "ask"],
      ["reporter", "reporter_reply"],
      ["officer-a", "escalate"],
      ["officer-b", "close"],
    ]);
    expect(closed.audit[3]?.note).toBe("Dua minggu lalu lewat WhatsApp");

    const notices = await new SqlNoticeQueue(ctx.t.db).claim("console", 100);
    const mine = notices.filter((n) => n.address === reporter.address).map((n) => n.notice);
    expect(mine).toEqual([
      { ref, lang: "id", kind: "status", text: "", status: "claimed" },
      { ref, lang: "id", kind: "question", text: "Kapan terakhir dia menghubungi?" },
      { ref, lang: "id", kind: "status", text: "", status: "escalated" },
      { ref, lang: "id", kind: "status", text: "", status: "closed" },
    ]);
    expect((await slackEvents()).filter((e) => e.ref === ref).map((e) => e.event)).toEqual([
      "updated", "updated", "reporter_reply", "updated", "updated",
    ]);

    const reopened = await ctx.tips.act(ref, "officer-b", "reopen");
    expect(reopened).toMatchObject({ status: "claimed", assignee: "officer-b" });
    expect(reopened.outcome).toBeUndefined();
  });

  it("returns an escalated tip to escalated when the reporter answers the officer's question", async () => {
    const reporter = { channel: "telegram" as const, address: "777002" };
    const { ref } = await ctx.tips.submit(newTip("danger_now", { reporter }));
    await ctx.tips.act(ref, "officer-a", "escalate");
    await ctx.tips.act(ref, "officer-a", "ask", { text: "Masih di lokasi yang sama?" });
    await ctx.tips.act(ref, "officer-a", "ask", { text: "Berapa orang bersama Anda?" });
    expect(await ctx.tips.addReporterReply("telegram", "777002", "Ya, masih, kami berenam")).toEqual({ ref });
    expect((await ctx.tips.show(ref))?.status).toBe("escalated");
  });

  it("routes a reporter's reply to their most recently asked tip, and ignores replies when nothing was asked", async () => {
    const reporter = { channel: "telegram" as const, address: "777001" };
    const first = await ctx.tips.submit(newTip("recruiter", { reporter }));
    const second = await ctx.tips.submit(newTip("other", { reporter }));
    expect(await ctx.tips.addReporterReply("telegram", "777001", "hello?")).toBeUndefined();
    await ctx.tips.act(second.ref, "o1", "ask", { text: "Di mana alamatnya?" });
    clock.advanceMinutes(1);
    await ctx.tips.act(first.ref, "o1", "ask", { text: "Nomor WA perekrutnya?" });
    expect(await ctx.tips.addReporterReply("telegram", "777001", "0812 1111 2222")).toEqual({ ref: first.ref });
    expect(await ctx.tips.addReporterReply("telegram", "777001", "Jl. Melati 5")).toEqual({ ref: second.ref });
    expect(await ctx.tips.addReporterReply("telegram", "someone-else", "hi")).toBeUndefined();
    expect(await ctx.tips.refsForReporter("telegram", "777001")).toEqual([first.ref, second.ref]);
  });

  it("rejects invalid transitions and unknown references with clear errors", async () => {
    const { ref } = await ctx.tips.submit(newTip("other"));
    await ctx.tips.act(ref, "o1", "claim");
    await expect(ctx.tips.act(ref, "o1", "claim")).rejects.toThrow("the tip is already claimed by o1");
    await expect(ctx.tips.act(ref, "o1", "reopen")).rejects.toThrow(/cannot reopen a tip that is claimed; allowed now: claim, ask, escalate, close, note/);
    await expect(ctx.tips.act(ref, "o1", "close")).rejects.toThrow("close needs --outcome");
    await expect(ctx.tips.act(ref, "o1", "ask")).rejects.toThrow("ask needs --text");
    await ctx.tips.act(ref, "o1", "escalate");
    await expect(ctx.tips.act(ref, "o1", "escalate")).rejects.toMatchObject({ code: "invalid_transition" });
    await ctx.tips.act(ref, "o1", "close", { outcome: "no lead" });
    await expect(ctx.tips.act(ref, "o2", "claim")).rejects.toThrow(/cannot claim a tip that is closed; allowed now: note, reopen/);
    await expect(ctx.tips.act(ref, "o1", "reporter_reply", { text: "x" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(ctx.tips.act("LTR-2222-22", "o1", "claim")).rejects.toMatchObject({ code: "not_found", message: "no tip with reference LTR-2222-22" });
    await expect(ctx.tips.act("garbage", "o1", "claim")).rejects.toBeInstanceOf(TipError);
    await expect(ctx.tips.act(ref, "", "note", { text: "x" })).rejects.toThrow("the officer (--as) is required");
    await expect(ctx.tips.act(ref, "o1", "dance" as never)).rejects.toMatchObject({ code: "invalid_input" });
    // A failed action leaves no trace.
    expect((await ctx.tips.show(ref))?.audit.map((a) => a.action)).toEqual(["submitted", "claim", "escalate", "close"]);
  });

  it("serialises concurrent actions: of four officers closing at once, exactly one succeeds", async () => {
    const { ref } = await ctx.tips.submit(newTip("other"));
    const results = await Promise.allSettled(["o1", "o2", "o3", "o4"].map((o) => ctx.tips.act(ref, o, "close", { outcome: `by ${o}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "invalid_transition" });
    expect((await ctx.tips.show(ref))?.audit.filter((a) => a.action === "close")).toHaveLength(1);
  });

  it("rejects bad input: oversized fields, wrong types, missing consent, unknown kind", async () => {
    const bad = [
      newTip("missing_person", { details: { name: "x".repeat(121) } }),
      newTip("missing_person", { details: { name: "Ani", age: "ten" } }),
      newTip("danger_now", { details: { where: "here" } }),
      newTip("other", { reporter: { channel: "console", address: "a".repeat(129) } }),
      newTip("other", { reporter: { channel: "fax" as never, address: "1" } }),
      newTip("other", { entities: [{ type: "phone", value: "1".repeat(301) }] }),
      { ...newTip("other"), consent: undefined },
      { ...newTip("other"), kind: "gossip" },
      "not an object",
    ];
    for (const input of bad) await expect(ctx.tips.submit(input as never)).rejects.toMatchObject({ code: "invalid_input" });
    await expect(ctx.tips.submit(newTip("missing_person", { details: { name: "x".repeat(121) } }))).rejects.toThrow(
      /details\.name: .*120/,
    );
    await expect(ctx.tips.submit(newTip("missing_person", { details: { name: "Ani", age: "ten" } }))).rejects.toThrow(/details\.age/);
  });
});
