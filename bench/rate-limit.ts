/**
 * Cost of one per-sender rate-limit check (LENTERA_RATE_LIMIT_PER_MINUTE), one check at a time:
 * counting in memory (what SQLite uses) next to counting in the database (the atomic upsert that
 * PostgreSQL uses so every instance shares the count), in the same process on the same database.
 * SQLite runs WAL with synchronous=FULL, so each upsert there is a durable commit; the embedded
 * PostgreSQL keeps fsync on. Set BENCH_DATABASE_URL to measure an external PostgreSQL instead.
 */
import { pathToFileURL } from "node:url";
import { MemoryRateWindows, RATE_WINDOW_MS, WindowRateLimiter, type RateLimiter } from "../src/channels/shared/rate-limit.js";
import type { Config } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { openDatabase } from "../src/storage/db.js";
import { SqlRateWindows } from "../src/storage/rate-limits.js";
import { onEachBackend } from "./_backends.js";
import { fmt, median, percentile } from "./_stats.js";

const CHECKS = 2_000;
const SENDERS = 200;
/** High enough that every check is allowed: the decision does not change the cost. */
const LIMIT = CHECKS;

async function latencies(limiter: RateLimiter): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < CHECKS; i++) {
    const t0 = performance.now();
    await limiter.check(`bench:${i % SENDERS}`);
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function benchBackend(label: string, config: Config): Promise<void> {
  const db = await openDatabase(config);
  const logger = createLogger("silent");
  try {
    const memory = new WindowRateLimiter(new MemoryRateWindows(), LIMIT, logger);
    const shared = new WindowRateLimiter(new SqlRateWindows(db, { windowMs: RATE_WINDOW_MS }), LIMIT, logger);
    await latencies(shared); // warm the pool, the statement cache and the JIT
    const inMemory = await latencies(memory);
    const inDb = await latencies(shared);
    const line = (name: string, s: number[]) => `median ${fmt(median(s))}, p99 ${fmt(percentile(s, 99))} (${name})`;
    console.log(`${label}: one check ${line("in memory", inMemory)}; ${line("in the database", inDb)} — ${CHECKS} checks, one at a time`);
  } finally {
    await db.close();
  }
}

export const run = (): Promise<void> => onEachBackend(benchBackend);

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
