import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_TIP_TOPIC } from "../src/core/tips/types.js";
import { Outbox } from "../src/storage/outbox.js";
import { backends } from "./helpers/databases.js";
import { manualClock, newTip, useTipService } from "./helpers/tips.js";

describe.each(backends)("response targets on %s", (backend) => {
  const clock = manualClock();
  const ctx = useTipService(backend, { env: { LENTERA_TARGET_DANGER_MINUTES: "15", LENTERA_TARGET_MISSING_MINUTES: "1440" }, clock: clock.now });

  it("marks an unanswered tip overdue once its kind's target passes, and reports it to Slack once", async () => {
    const danger = await ctx.tips.submit(newTip("danger_now"));
    const missing = await ctx.tips.submit(newTip("missing_person"));
    const answered = await ctx.tips.submit(newTip("danger_now"));
    await ctx.tips.act(answered.ref, "o1", "claim");

    clock.advanceMinutes(14);
    expect((await ctx.tips.show(danger.ref))?.overdue).toBe(false);
    expect(await ctx.tips.sweepOverdue()).toEqual([]);

    clock.advanceMinutes(2);
    expect((await ctx.tips.show(danger.ref))?.overdue).toBe(true);
    expect((await ctx.tips.show(missing.ref))?.overdue).toBe(false);
    expect((await ctx.tips.show(answered.ref))?.overdue).toBe(false);
    expect((await ctx.tips.list({ overdue: true })).map((v) => v.ref)).toEqual([danger.ref]);

    expect(await ctx.tips.sweepOverdue()).toEqual([danger.ref]);
    expect(await ctx.tips.sweepOverdue()).toEqual([]);
    const events = (await new Outbox(ctx.t.db, { clock: clock.now }).claim(SLACK_TIP_TOPIC, 100, 60_000)).map((i) => i.payload);
    expect(events.filter((e) => e.event === "overdue")).toEqual([{ ref: danger.ref, event: "overdue" }]);
    expect((await ctx.tips.show(danger.ref))?.audit.map((a) => [a.actor, a.action])).toContainEqual(["system", "overdue"]);

    clock.advanceMinutes(24 * 60);
    expect(await ctx.tips.sweepOverdue()).toEqual([missing.ref]);

    await ctx.tips.act(danger.ref, "o2", "claim");
    expect((await ctx.tips.show(danger.ref))?.overdue).toBe(false);
  });

  it("lists urgent tips first, then by due time", async () => {
    const other = await ctx.tips.submit(newTip("other"));
    const danger = await ctx.tips.submit(newTip("danger_now"));
    const refs = (await ctx.tips.list({ status: ["new"] })).map((v) => v.ref);
    expect(refs.indexOf(danger.ref)).toBeLessThan(refs.indexOf(other.ref));
    expect((await ctx.tips.list({ kind: ["other"], status: ["new"] })).map((v) => v.ref)).toEqual([other.ref]);
  });
});
