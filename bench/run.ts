/**
 * `npm run bench`: runs every bench/<feature>.ts (or only those named on the command line)
 * and prints their figures. Each bench measures its own baseline in the same process.
 * `--full` (BENCH_FULL=1) runs long benches at their target's full scale instead of a quick one.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
if (args.includes("--full")) process.env.BENCH_FULL = "1";
const only = args.filter((a) => !a.startsWith("--"));
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const mod = (await import(path.join(dir, `${name}.ts`))) as { run(): Promise<void> };
  await mod.run();
}
