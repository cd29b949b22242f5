/**
 * `lentera start` marks tips past their response target overdue on every deployment, Slack or not:
 * a tip whose target passed gets its "overdue" audit entry and outbox event from a console-only
 * start. And sweeps running at the same time (several instances) mark each tip once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTipService } from "../src/core/tips/service.js";
import { SLACK_TIP_TOPIC } from "../src/core/tips/types.js";
import { Outbox } from "../src/storage/outbox.js";
import { runCli } from "./helpers/console-session.js";
import { backends, openTestDatabase, type TestDatabase } from "./helpers/databases.js";
import { newTip } from "./helpers/tips.js";

const HOUR = 3_600_000;

describe.each(backends)("the overdue sweep of `lentera start` (%s)", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, { LENTERA_TARGET_DANGER_MINUTES: "15" });
  });
  afterAll(() => t?.dispose());

  /** A tip service whose clock is `offsetMs` from now (a tip submitted an hour ago is 45 minutes overdue). */
  const tipsAt = (offsetMs = 0) => createTipService({ db: t.db, config: t.config, clock: () => new Date(Date.now() + offsetMs) });
  const overdueAudits = async (ref: string) =>
    ((await tipsAt().show(ref))?.audit ?? []).filter((a) => a.actor === "system" && a.action === "overdue");

  it("marks a tip past its target overdue without Slack configured", async () => {
    const { ref } = await tipsAt(-HOUR).submit(newTip("danger_now"));
    expect(await overdueAudits(ref)).toEqual([]);

    const run = await runCli(["start"], { ...t.env, LENTERA_OVERDUE_SWEEP_SECONDS: "1" }, [], async () => {
      const until = Date.now() + 30_000;
      while ((await overdueAudits(ref)).length === 0) {
        if (Date.now() > until) throw new Error("no overdue audit entry while `lentera start` ran");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    expect(run.code, run.stderr).toBe(0);

    expect(await overdueAudits(ref)).toHaveLength(1);
    expect((await tipsAt().show(ref))?.overdue).toBe(true);
    const events = (await new Outbox(t.db).claim(SLACK_TIP_TOPIC, 100, 60_000)).map((i) => i.payload);
    expect(events).toContainEqual({ ref, event: "overdue" });
  });

  it("marks each tip once when several instances sweep at the same time", async () => {
    const refs: string[] = [];
    for (let i = 0; i < 6; i++) refs.push((await tipsAt(-HOUR).submit(newTip("danger_now"))).ref);

    const instances = Array.from({ length: 4 }, () => tipsAt());
    const swept = (await Promise.all(instances.map((tips) => tips.sweepOverdue()))).flat();
    expect(swept.filter((ref) => refs.includes(ref)).sort()).toEqual([...refs].sort());
    for (const ref of refs) expect(await overdueAudits(ref)).toHaveLength(1);
    const events = (await new Outbox(t.db).claim(SLACK_TIP_TOPIC, 1000, 60_000)).map((i) => i.payload as { ref: string; event: string });
    for (const ref of refs) expect(events.filter((e) => e.ref === ref && e.event === "overdue")).toHaveLength(1);
  });
});
