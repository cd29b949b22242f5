/**
 * Tips committed per second on each backend: concurrent TipService.submit calls, each durable
 * before it resolves (tip + entities + links + audit + outbox event, everything encrypted; on SQLite
 * concurrent submissions share commits). Baseline, same process, same database: one transaction
 * per bare one-row insert, i.e. what the disk/database allows before any of our work. SQLite runs WAL with synchronous=FULL; the embedded PostgreSQL keeps
 * fsync on. Set BENCH_DATABASE_URL to measure an external PostgreSQL instead.
 */
import { pathToFileURL } from "node:url";
import { createTipService } from "../src/core/tips/service.js";
import type { Config } from "../src/config.js";
import { openDatabase, type Db } from "../src/storage/db.js";
import { crashTip } from "../test/helpers/crash-tip.js";
import { onEachBackend } from "./_backends.js";
import { fmt, median, percentile } from "./_stats.js";

const RUNS = 5;
const TIPS_PER_RUN = 300;
const CONCURRENCY = 8;

interface RunFigures {
  perSecond: number;
  latencies: number[];
}

/** Runs `count` operations with `CONCURRENCY` in flight; returns throughput and per-operation latency. */
async function measure(count: number, op: (i: number) => Promise<unknown>): Promise<RunFigures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await op(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { perSecond: (count / (performance.now() - started)) * 1000, latencies };
}

async function benchBackend(label: string, config: Config): Promise<void> {
  const db: Db = await openDatabase(config);
  try {
    const tips = createTipService({ db, config });
    await db.kysely.schema
      .createTable("bench_baseline")
      .ifNotExists()
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("v", "text")
      .execute();
    await measure(30, (i) => tips.submit(crashTip(`warmup-${i}`))); // warm caches, JIT, pool

    const tipRuns: RunFigures[] = [];
    const baseRuns: RunFigures[] = [];
    for (let run = 0; run < RUNS; run++) {
      baseRuns.push(
        await measure(TIPS_PER_RUN, (i) =>
          db.kysely.transaction().execute((trx) => trx.insertInto("bench_baseline").values({ id: `${run}-${i}`, v: "x" }).execute()),
        ),
      );
      tipRuns.push(await measure(TIPS_PER_RUN, (i) => tips.submit(crashTip(`${run}-${i}`))));
    }
    const tipsPerSecond = median(tipRuns.map((r) => r.perSecond));
    const basePerSecond = median(baseRuns.map((r) => r.perSecond));
    const latencies = tipRuns.flatMap((r) => r.latencies);
    console.log(
      `${label}: ${tipsPerSecond.toFixed(0)} tips committed/s (median of ${RUNS} runs × ${TIPS_PER_RUN}, ${CONCURRENCY} concurrent); ` +
        `submit latency p50 ${fmt(percentile(latencies, 50))}, p99 ${fmt(percentile(latencies, 99))}`,
    );
    console.log(
      `${label}: baseline bare durable commits ${basePerSecond.toFixed(0)}/s → tips reach ${((tipsPerSecond / basePerSecond) * 100).toFixed(0)}% of it`,
    );
  } finally {
    await db.close();
  }
}

export const run = (): Promise<void> => onEachBackend(benchBackend);

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
