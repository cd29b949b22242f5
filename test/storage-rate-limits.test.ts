/**
 * Per-sender rate limits counted in the database (what every instance on PostgreSQL shares), on both
 * backends: the limit, one warning, silence until the window ends; one count across instances; only
 * a pseudonym stored; ended windows removed; a database that cannot be reached lets messages through.
 */
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MemoryRateWindows, RATE_WINDOW_MS, WindowRateLimiter, type RateDecision, type RateLimiter, type WindowCounter,
} from "../src/channels/shared/rate-limit.js";
import { createLogger } from "../src/logger.js";
import { openDatabase, type Db } from "../src/storage/db.js";
import { SqlRateWindows } from "../src/storage/rate-limits.js";
import { backends, openTestDatabase, type TestDatabase } from "./helpers/databases.js";

const LIMIT = 3;
const silent = createLogger("silent");

/** A clock the test moves by hand. */
function manualClock(start = Date.parse("2025-03-01T08:00:00.000Z")) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

const limiterOver = (counter: WindowCounter, logger = silent): RateLimiter => new WindowRateLimiter(counter, LIMIT, logger);

async function checks(limiter: RateLimiter, sender: string, times: number): Promise<RateDecision[]> {
  const decisions: RateDecision[] = [];
  for (let i = 0; i < times; i++) decisions.push(await limiter.check(sender));
  return decisions;
}

const FLOOD: RateDecision[] = ["allow", "allow", "allow", "warn", "drop", "drop"];

describe.each(backends)("rate limits in the database (%s)", (backend) => {
  let t: TestDatabase;
  let second: Db;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    // Another instance: its own connection to the same database.
    second = await openDatabase(t.config);
  });
  afterAll(async () => {
    await second?.close();
    await t?.dispose();
  });

  const sqlLimiter = (clock = manualClock(), db: Db = t.db) => limiterOver(new SqlRateWindows(db, { windowMs: RATE_WINDOW_MS, clock: clock.now }));

  it("allows the limit, warns once at the next message, then drops the rest of the window", async () => {
    expect(await checks(sqlLimiter(), "telegram:1001", FLOOD.length)).toEqual(FLOOD);
  });

  it("starts counting again when the sender's window has ended, and counts each sender apart", async () => {
    const clock = manualClock();
    const limiter = sqlLimiter(clock);
    expect(await checks(limiter, "telegram:1002", 5)).toEqual(FLOOD.slice(0, 5));
    expect(await limiter.check("telegram:1003")).toBe("allow");
    clock.advance(RATE_WINDOW_MS - 1);
    expect(await limiter.check("telegram:1002")).toBe("drop");
    clock.advance(1);
    expect(await checks(limiter, "telegram:1002", 4)).toEqual(FLOOD.slice(0, 4));
  });

  it("shares one count between two instances on the same database, also when they check at once", async () => {
    const clock = manualClock();
    const instances = [sqlLimiter(clock, t.db), sqlLimiter(clock, second)];
    const decisions = await Promise.all(Array.from({ length: 10 }, (_, i) => instances[i % 2]!.check("whatsapp:6281200001111")));
    expect(decisions.filter((d) => d === "allow")).toHaveLength(LIMIT);
    expect(decisions.filter((d) => d === "warn")).toHaveLength(1);
    expect(decisions.filter((d) => d === "drop")).toHaveLength(10 - LIMIT - 1);
  });

  it("stores a keyed pseudonym of the sender, never the chat id or phone number", async () => {
    await sqlLimiter().check("whatsapp:6281299887766");
    const rows = await t.db.kysely.selectFrom("rate_limits").selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain("6281299887766");
  });

  it("removes the rows of windows that have ended", async () => {
    const clock = manualClock(Date.parse("2025-06-01T00:00:00.000Z"));
    await sqlLimiter(clock).check("telegram:2001");
    clock.advance(RATE_WINDOW_MS);
    await sqlLimiter(clock).check("telegram:2002");
    const rows = await t.db.kysely.selectFrom("rate_limits").select("window_start").execute();
    expect(rows).toEqual([{ window_start: clock.now().toISOString() }]);
  });

  it("lets messages through, and says so in the log once, when the database cannot be reached", async () => {
    const lines: string[] = [];
    const logger = createLogger("warn", new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) }));
    const unreachable = await openDatabase(t.config);
    await unreachable.close();
    const limiter = limiterOver(new SqlRateWindows(unreachable, { windowMs: RATE_WINDOW_MS }), logger);
    expect(await checks(limiter, "telegram:3001", LIMIT + 2)).toEqual(Array(LIMIT + 2).fill("allow"));
    expect(lines.join("")).toContain("rate limit not checked");
    // One warning for the burst, not one per message.
    expect(lines.filter((l) => l.includes("rate limit not checked"))).toHaveLength(1);
    expect(lines.join("")).not.toContain("3001");
  });
});

describe("rate limits in memory (one process per SQLite database)", () => {
  it("follows the same windows: the limit, one warning, silence, then a new window", async () => {
    const clock = manualClock();
    const limiter = limiterOver(new MemoryRateWindows({ clock: clock.now }));
    expect(await checks(limiter, "telegram:1", FLOOD.length)).toEqual(FLOOD);
    expect(await limiter.check("telegram:2")).toBe("allow");
    clock.advance(RATE_WINDOW_MS);
    expect(await checks(limiter, "telegram:1", 4)).toEqual(FLOOD.slice(0, 4));
  });
});
