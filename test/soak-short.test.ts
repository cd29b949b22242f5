/**
 * CI runs the short soak (scripts/soak.ts --short): three `lentera start` processes on one real
 * PostgreSQL, mixed load with duplicate deliveries, an instance SIGKILLed and restarted, Slack
 * failing for a while and the database refusing connections. It fails when a tip is lost or
 * duplicated, a Slack post is missing or doubled, an update is handled twice, or an instance
 * crashes or does not stop cleanly. Figures are printed, never asserted (no timing assertions).
 */
import { expect, it } from "vitest";
import { formatResult } from "../scripts/soak/cli.js";
import { runSoak, SHORT } from "../scripts/soak/run.js";
import { testDatabaseAdminUrl } from "./helpers/databases.js";

it("survives the short soak: 0 tips lost, 0 duplicates, every fault recovered", async () => {
  const result = await runSoak({ ...SHORT, postgresAdminUrl: testDatabaseAdminUrl(), log: () => {} });
  process.stdout.write(`${formatResult(result)}\n`);
  expect(result.verdict.failures).toEqual([]);
  // The run really exercised what it claims to prove.
  expect(result.verdict.referencesReceived).toBeGreaterThan(0);
  expect(result.verdict.tipsInDatabase).toBe(result.verdict.referencesReceived);
  expect(result.stats.duplicatesSent).toBeGreaterThan(0);
  expect(result.recovery.slackPostsAfterOutage).toBeGreaterThan(0);
  expect(result.ok).toBe(true);
}, 175_000);
