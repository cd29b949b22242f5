/**
 * The real `lentera chat` and `lentera start` processes with scripted stdin: one message per line,
 * numbers pick options, a report survives the process ending mid-flow, `start` without channel
 * credentials runs the console and says how to configure the others, and stops on SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTipService } from "../src/core/tips/service.js";
import { texts } from "../src/i18n/index.js";
import { openDatabase } from "../src/storage/db.js";
import { REF_PATTERN, runCli, waitFor } from "./helpers/console-session.js";
import { createTestConfig, type TestConfig } from "./helpers/databases.js";

const id = texts("id");
const en = texts("en");

describe("lentera chat / lentera start as processes", () => {
  let t: TestConfig;
  beforeAll(async () => {
    t = await createTestConfig("sqlite");
  });
  afterAll(() => t.dispose());

  it("reads one message per line, picks options by number, and resumes a report in the next process", async () => {
    const first = await runCli(["chat", "--session", "script"], t.env, ["/bahasa", "2", "/report", "4", "1"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(en.common.languageSet);
    expect(first.stdout).toContain(`  4. ${en.reports.kinds.other}`);
    expect(first.stdout).toContain(en.reports.questions.description);

    const second = await runCli(["chat", "--session", "script"], t.env, [
      "A man at the bus terminal recruits girls for Cambodia, +62 813 5555 4444",
      "skip",
      "1",
    ]);
    expect(second.code, second.stderr).toBe(0);
    const ref = REF_PATTERN.exec(second.stdout)?.[0];
    expect(ref, second.stdout).toBeDefined();

    const db = await openDatabase(t.config);
    try {
      const tip = await createTipService({ db, config: t.config }).show(ref!);
      expect(tip?.details).toEqual({ description: "A man at the bus terminal recruits girls for Cambodia, +62 813 5555 4444" });
      expect(tip?.entities).toContainEqual({ type: "phone", value: "+6281355554444" });
    } finally {
      await db.close();
    }
  });

  it("rejects a bad option with a clear message", async () => {
    const run = await runCli(["chat", "--lang", "xx"], t.env, []);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--lang");
  });

  it("`lentera start` without channel credentials chats in the console and explains how to connect channels", async () => {
    const run = await runCli(["start"], t.env, ["/start"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("TELEGRAM_BOT_TOKEN");
    expect(run.stderr).toContain("WHATSAPP_TOKEN");
    expect(run.stderr).toContain("SLACK_BOT_TOKEN");
    expect(run.stdout).toContain(id.common.welcome);
  });

  it("`lentera start` stops gracefully on SIGTERM", async () => {
    const run = await runCli(["start"], t.env, [], async (child, out) => {
      await waitFor(out.stderr, id.common.startedChannels("console"));
      child.kill("SIGTERM");
      await waitFor(out.stderr, id.common.stopping);
    });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
  });
});
