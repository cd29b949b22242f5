/**
 * Message counts per sender in fixed windows, kept in the database so that every instance behind
 * the load balancer counts against the same limit. A window starts at the sender's first message
 * and lasts `windowMs`; one atomic upsert per message either adds to the current window or starts
 * a new one, so concurrent instances never lose a count.
 */
import { sql } from "kysely";
import type { Db } from "./db.js";
import { toDbTime } from "./db.js";

export interface SqlRateWindowsOptions {
  windowMs: number;
  clock?: () => Date;
}

export class SqlRateWindows {
  readonly #db: Db;
  readonly #windowMs: number;
  readonly #now: () => Date;
  #lastSweep = 0;

  constructor(db: Db, opts: SqlRateWindowsOptions) {
    this.#db = db;
    this.#windowMs = opts.windowMs;
    this.#now = opts.clock ?? (() => new Date());
  }

  /** Counts one message of `sender` and returns how many it sent in its current window, this one included. */
  async hit(sender: string): Promise<number> {
    const now = this.#now();
    const expired = toDbTime(new Date(now.getTime() - this.#windowMs));
    await this.#sweep(now, expired);
    const startsAnew = sql<boolean>`rate_limits.window_start <= ${expired}`;
    const row = await this.#db.kysely
      .insertInto("rate_limits")
      .values({ sender_pseudonym: this.#db.cipher.pseudonym(`rate-limit:${sender}`), window_start: toDbTime(now), hits: 1 })
      .onConflict((oc) =>
        oc.column("sender_pseudonym").doUpdateSet({
          // Both expressions read the row as it was before this update (SQLite and PostgreSQL alike).
          hits: sql`case when ${startsAnew} then 1 else rate_limits.hits + 1 end`,
          window_start: sql`case when ${startsAnew} then excluded.window_start else rate_limits.window_start end`,
        }),
      )
      .returning("hits")
      .executeTakeFirstOrThrow();
    return Number(row.hits);
  }

  /** At most once per window per instance: a row whose window ended says nothing any more, so it goes. */
  async #sweep(now: Date, expired: string): Promise<void> {
    if (now.getTime() - this.#lastSweep < this.#windowMs) return;
    this.#lastSweep = now.getTime();
    await this.#db.kysely.deleteFrom("rate_limits").where("window_start", "<=", expired).execute();
  }
}
