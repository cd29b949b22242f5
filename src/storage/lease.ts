/**
 * The claim step shared by the outbox, the inbox and the notice queue: lease up to N due rows
 * (not done, not_before passed, no live lease, under the attempt limit) in one statement.
 * PostgreSQL skips rows other workers hold (FOR UPDATE SKIP LOCKED); SQLite has one writer, so
 * the UPDATE … RETURNING inside a transaction is atomic.
 */
import type { SelectQueryBuilder } from "kysely";
import type { Db } from "./db.js";
import { toDbTime } from "./db.js";

export type LeasedTable = "outbox" | "inbox" | "notices";

export const DEFAULT_MAX_ATTEMPTS = 12;

export interface QueueOptions {
  clock?: () => Date;
  /** Claims stop after this many attempts; the row stays for inspection. */
  maxAttempts?: number;
}

/** What every leased queue holds: its database, its clock and its attempt limit. */
export abstract class LeasedQueue {
  protected readonly db: Db;
  protected readonly now: () => Date;
  protected readonly maxAttempts: number;

  constructor(db: Db, opts: QueueOptions = {}) {
    this.db = db;
    this.now = opts.clock ?? (() => new Date());
    this.maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  }
}

export interface ClaimSpec {
  table: LeasedTable;
  /** Narrows the due rows, e.g. to one topic or channel. */
  filter: (q: SelectQueryBuilder<any, any, any>) => SelectQueryBuilder<any, any, any>;
  limit: number;
  leaseMs: number;
  now: Date;
  maxAttempts: number;
  returning: string[];
}

export async function claimLeased(db: Db, spec: ClaimSpec): Promise<Record<string, any>[]> {
  const nowText = toDbTime(spec.now);
  const leaseUntil = toDbTime(new Date(spec.now.getTime() + spec.leaseMs));
  const rows = await db.kysely.transaction().execute((trx) => {
    const due = spec
      .filter(trx.selectFrom(spec.table).select("id"))
      .where("done_at", "is", null)
      .where("not_before", "<=", nowText)
      .where((w) => w.or([w("lease_until", "is", null), w("lease_until", "<", nowText)]))
      .where("attempts", "<", spec.maxAttempts)
      .orderBy("id")
      .limit(spec.limit)
      .$if(db.dialect === "postgres", (q) => q.forUpdate().skipLocked());
    return trx
      .updateTable(spec.table)
      .set((eb) => ({ lease_until: leaseUntil, attempts: eb("attempts", "+", 1) }))
      .where("id", "in", due)
      .returning(["id", "attempts", ...spec.returning])
      .execute();
  });
  return rows.sort((a, b) => a.id - b.id);
}

/** Marks a leased row finished. */
export async function finishLeased(db: Db, table: LeasedTable, id: string, at: Date, extra: Record<string, unknown> = {}): Promise<void> {
  // The work is already done (a message sent, a post made): if this record were lost to a short database
  // outage, the lease would expire and the work be done again.
  await retryOnConnectionError(() =>
    db.kysely.updateTable(table).set({ done_at: toDbTime(at), lease_until: null, ...extra }).where("id", "=", Number(id)).execute(),
  );
}

/** Releases the lease; the row becomes claimable again at `at` (until the attempt limit parks it). */
export async function releaseLeased(db: Db, table: LeasedTable, id: string, at: Date, error: string): Promise<void> {
  // Lost to an outage, the release would leave the row waiting for its lease instead of its backoff.
  await retryOnConnectionError(() =>
    db.kysely
      .updateTable(table)
      .set({ not_before: toDbTime(at), lease_until: null, last_error: error.slice(0, 1000) })
      .where("id", "=", Number(id))
      .execute(),
  );
}

/**
 * Renews the leases of rows a live worker is still working on, in one statement. Only rows that are
 * still leased and not done: a row finished or released meanwhile must not become leased again.
 * Returns how many rows were renewed.
 */
export async function extendLeased(db: Db, table: LeasedTable, ids: string[], now: Date, leaseMs: number): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.kysely
    .updateTable(table)
    .set({ lease_until: toDbTime(new Date(now.getTime() + leaseMs)) })
    .where("id", "in", ids.map(Number))
    .where("done_at", "is", null)
    .where("lease_until", "is not", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Runs an idempotent write again while the database cannot be reached, about 15 s in all: longer than
 * a database failover or a network blip, shorter than any lease.
 */
async function retryOnConnectionError(write: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await write();
      return;
    } catch (err) {
      if (attempt >= CONNECTION_RETRY_DELAYS_MS.length || !isConnectionError(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, CONNECTION_RETRY_DELAYS_MS[attempt]));
    }
  }
}

const CONNECTION_RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000];

/** The database could not be reached (as opposed to a query it refused). */
function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  const message = typeof e?.message === "string" ? e.message : "";
  return /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|08\d{3}|57P0[123])$/.test(code) ||
    /Connection terminated|not queryable|timeout exceeded when trying to connect/i.test(message);
}

/** Exponential backoff with jitter for callers of retryLater: 2 s, 4 s, 8 s … capped at 15 min. */
export function backoffDelayMs(attempts: number): number {
  const base = Math.min(15 * 60_000, 1000 * 2 ** Math.max(1, attempts));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}
