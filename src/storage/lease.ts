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
  await db.kysely.updateTable(table).set({ done_at: toDbTime(at), lease_until: null, ...extra }).where("id", "=", Number(id)).execute();
}

/** Releases the lease; the row becomes claimable again at `at` (until the attempt limit parks it). */
export async function releaseLeased(db: Db, table: LeasedTable, id: string, at: Date, error: string): Promise<void> {
  await db.kysely
    .updateTable(table)
    .set({ not_before: toDbTime(at), lease_until: null, last_error: error.slice(0, 1000) })
    .where("id", "=", Number(id))
    .execute();
}


/** Exponential backoff with jitter for callers of retryLater: 2 s, 4 s, 8 s … capped at 15 min. */
export function backoffDelayMs(attempts: number): number {
  const base = Math.min(15 * 60_000, 1000 * 2 ** Math.max(1, attempts));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}
