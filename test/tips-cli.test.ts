import { Command } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as purgeCommand from "../src/cli/commands/purge.js";
import * as tipsCommand from "../src/cli/commands/tips.js";
import { backends } from "./helpers/databases.js";
import { newTip, useTipService } from "./helpers/tips.js";

/** Runs `lentera <args>` with this file's commands, capturing stdout, stderr and the exit code. */
async function lentera(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((c) => ((stdout += String(c)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((c) => ((stderr += String(c)), true));
  process.exitCode = undefined;
  try {
    const program = new Command("lentera").exitOverride();
    tipsCommand.register(program);
    purgeCommand.register(program);
    await program.parseAsync(["node", "lentera", ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const exitCode = process.exitCode ?? 0;
  process.exitCode = undefined;
  return { stdout, stderr, exitCode, json: () => JSON.parse(stdout) };
}

describe.each(backends)("officer CLI on %s", (backend) => {
  const ctx = useTipService(backend);
  const savedEnv = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, ctx.t.env); // the commands read their config from the environment
  });
  afterAll(() => {
    process.env = savedEnv;
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it("lists, shows and acts on tips with JSON output", async () => {
    const danger = await ctx.tips.submit(newTip("danger_now", { reporter: { channel: "console", address: "s1", contact: "0812-5555-0000" } }));
    const missing = await ctx.tips.submit(newTip("missing_person"));

    const list = await lentera("tips", "list", "--json", "--status", "new");
    expect(list.exitCode).toBe(0);
    expect(list.json().map((v: { ref: string }) => v.ref)).toEqual([danger.ref, missing.ref]);

    const claimed = await lentera("tips", "act", danger.ref, "claim", "--as", "officer-7", "--json");
    expect(claimed.json()).toMatchObject({ ref: danger.ref, status: "claimed", assignee: "officer-7", urgent: true });

    await lentera("tips", "act", danger.ref.toLowerCase(), "ask", "--as", "officer-7", "--text", "Berapa orang di sana?");
    const shown = (await lentera("tips", "show", danger.ref, "--json")).json();
    expect(shown).toMatchObject({ status: "needs_info", reporterContact: "0812-5555-0000", details: { where: "Mess karyawan blok C" } });
    expect(shown.audit.map((a: { action: string }) => a.action)).toEqual(["submitted", "claim", "ask"]);
    expect(shown).not.toHaveProperty("address");

    const mine = await lentera("tips", "list", "--json", "--assignee", "officer-7");
    expect(mine.json().map((v: { ref: string }) => v.ref)).toEqual([danger.ref]);

    const human = await lentera("tips", "show", missing.ref);
    expect(human.stdout).toContain(`${missing.ref}  missing_person  new`);
    expect(human.stdout).toContain("name: Siti Rahayu");
  });

  it("fails with a clear message and exit code 1 on bad input", async () => {
    const { ref } = await ctx.tips.submit(newTip("other"));
    const cases: [string[], RegExp][] = [
      [["tips", "show", "LTR-2222-22", "--json"], /no tip with reference LTR-2222-22/],
      [["tips", "act", ref, "close", "--as", "o1"], /close needs --outcome/],
      [["tips", "act", ref, "reopen", "--as", "o1"], /cannot reopen a tip that is new/],
      [["tips", "act", ref, "fly", "--as", "o1"], /action/],
      [["tips", "list", "--status", "open"], /--status must be one of: new, claimed, needs_info, escalated, closed/],
      [["tips", "list", "--limit", "0"], /expected number to be >=1/i],
      [["purge", "--older-than", "soon"], /--older-than must look like 180d/],
    ];
    for (const [args, message] of cases) {
      const r = await lentera(...args);
      expect(r.exitCode, args.join(" ")).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
    }
    await expect(lentera("tips", "act", ref, "claim")).rejects.toThrow(/--as <officer>/);
  });

  it("purges closed tips older than the given age and nothing else", async () => {
    const closed = await ctx.tips.submit(newTip("other"));
    const open = await ctx.tips.submit(newTip("other"));
    await ctx.tips.act(closed.ref, "o1", "close", { outcome: "resolved" });
    const keep = await lentera("purge", "--older-than", "180d");
    expect(keep.json()).toMatchObject({ tips: 0 });
    await new Promise((r) => setTimeout(r, 5));
    const purge = await lentera("purge", "--older-than", "0m");
    expect(purge.json()).toMatchObject({ tips: 1 });
    expect(await ctx.tips.show(closed.ref)).toBeUndefined();
    expect(await ctx.tips.show(open.ref)).toBeDefined();
  });
});
