import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpired } from "../src/core/tips/retention.js";
import { SqlNoticeQueue } from "../src/storage/notice-queue.js";
import { SqlSessionStore } from "../src/storage/session-store.js";
import { backends } from "./helpers/databases.js";
import { manualClock, newTip, useTipService } from "./helpers/tips.js";

const DAY = 24 * 60;

describe.each(backends)("retention and withdrawal on %s", (backend) => {
  const clock = manualClock();
  const ctx = useTipService(backend, { clock: clock.now });

  const count = async (table: string) =>
    Number((await ctx.t.db.kysely.selectFrom(table).select((s) => s.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

  it("purges closed tips past retention with everything attached, keeping open and recent ones", async () => {
    const old = await ctx.tips.submit(newTip("recruiter", { entities: [{ type: "phone", value: "081211112222" }] }));
    const linked = await ctx.tips.submit(newTip("recruiter", { entities: [{ type: "phone", value: "081211112222" }] }));
    const stillOpen = await ctx.tips.submit(newTip("other"));
    await ctx.tips.act(old.ref, "o1", "close", { outcome: "done" });
    clock.advanceMinutes(100 * DAY);
    const recent = await ctx.tips.submit(newTip("other"));
    await ctx.tips.act(recent.ref, "o1", "close", { outcome: "done" });
    clock.advanceMinutes(90 * DAY);

    const result = await purgeExpired(ctx.t.db, new Date(clock.now().getTime() - 180 * DAY * 60_000));
    expect(result.tips).toBe(1);
    expect(await ctx.tips.show(old.ref)).toBeUndefined();
    expect(await ctx.tips.show(stillOpen.ref)).toBeDefined();
    expect(await ctx.tips.show(recent.ref)).toBeDefined();
    expect((await ctx.tips.show(linked.ref))?.related).toEqual([]);
    const leftovers = await ctx.t.db.kysely.selectFrom("tip_audit").select("tip_id").distinct().execute();
    expect(leftovers).toHaveLength(3);
  });

  it("deletes every tip, session and pending notice of a reporter who withdraws consent, and nobody else's", async () => {
    const sessions = new SqlSessionStore<{ step: string }>(ctx.t.db);
    const me = { channel: "whatsapp" as const, address: "6281200001111" };
    const other = { channel: "whatsapp" as const, address: "6281200002222" };
    const mine = [await ctx.tips.submit(newTip("missing_person", { reporter: me })), await ctx.tips.submit(newTip("other", { reporter: me }))];
    const theirs = await ctx.tips.submit(newTip("other", { reporter: other }));
    await ctx.tips.act(mine[0]!.ref, "o1", "ask", { text: "Foto?" });
    await ctx.tips.act(theirs.ref, "o1", "ask", { text: "Alamat?" });
    await sessions.put(me.channel, me.address, { step: "x" });
    await sessions.put(other.channel, other.address, { step: "y" });
    const tipsBefore = await count("tips");

    expect(await ctx.tips.deleteReporterData(me.channel, me.address)).toBe(2);
    for (const s of mine) expect(await ctx.tips.statusForReporter(s.ref)).toBeUndefined();
    expect(await count("tips")).toBe(tipsBefore - 2);
    expect(await sessions.get(me.channel, me.address)).toBeUndefined();
    expect(await sessions.get(other.channel, other.address)).toEqual({ step: "y" });
    const pending = await new SqlNoticeQueue(ctx.t.db).claim("whatsapp", 100);
    expect(pending.map((n) => [n.address, n.notice.kind])).toEqual([[other.address, "question"]]);
    expect(await ctx.tips.show(theirs.ref)).toBeDefined();
    expect(await ctx.tips.deleteReporterData(me.channel, me.address)).toBe(0);
  });
});
