/**
 * `npm run soak` — load-and-fault run of several Lentera instances on one PostgreSQL (loopback only,
 * bounded in time). See scripts/soak/run.ts for what happens; prints the figures and exits non-zero
 * when an invariant fails (a tip lost or duplicated, a Slack post missing or doubled, an update
 * handled twice, an instance that crashed or did not stop cleanly).
 *
 *   npm run soak -- --short              CI-sized run (under 3 minutes)
 *   npm run soak -- --duration 10m       longer mixed phase (s/m suffix; default 5m)
 *   npm run soak -- --instances 2 --seed 42
 */
import { formatResult, soakOptions } from "./soak/cli.js";
import { runSoak } from "./soak/run.js";

try {
  const result = await runSoak(soakOptions(process.argv.slice(2)));
  process.stdout.write(`${formatResult(result)}\n`);
  process.exit(result.ok ? 0 : 1);
} catch (err) {
  process.stdout.write(`RESULT: ERROR — the soak could not run: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
