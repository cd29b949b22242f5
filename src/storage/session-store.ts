/**
 * Conversation state per reporter (language, report flow in progress…), so a restart mid-flow
 * resumes where the reporter was. Keyed by pseudonym; the state itself is encrypted.
 */
import { sql } from "kysely";
import pLimit from "p-limit";
import type { ReporterChannel } from "../core/messages.js";
import type { SessionStore } from "../core/ports.js";
import type { Db } from "./db.js";
import { toDbTime } from "./db.js";
import { reporterPseudonym } from "./reporters.js";

/** Namespace of the advisory locks taken by `exclusive` (the first key of the two-key form). */
const SESSION_LOCK_SPACE = 0x5e55;
/**
 * A waiting or holding `exclusive` occupies one pooled connection for the whole step, and the step may
 * need another (a tip, the agency registry): at most this many at once leaves the rest of the pool (10)
 * to those queries, so they never starve.
 */
const MAX_LOCK_CONNECTIONS = 6;
/** A reporter whose step is stuck elsewhere gets an error after this instead of waiting forever. */
const LOCK_TIMEOUT = "30s";

export class SqlSessionStore<S> implements SessionStore<S> {
  readonly #db: Db;
  readonly #now: () => Date;
  readonly #lockConnections = pLimit(MAX_LOCK_CONNECTIONS);

  constructor(db: Db, opts: { clock?: () => Date } = {}) {
    this.#db = db;
    this.#now = opts.clock ?? (() => new Date());
  }

  async get(channel: ReporterChannel, address: string): Promise<S | undefined> {
    const row = await this.#db.kysely
      .selectFrom("sessions")
      .select("state_enc")
      .where("reporter_pseudonym", "=", reporterPseudonym(this.#db.cipher, channel, address))
      .executeTakeFirst();
    return row ? this.#db.cipher.decryptJson<S>(row.state_enc) : undefined;
  }

  async put(channel: ReporterChannel, address: string, state: S): Promise<void> {
    const values = { state_enc: this.#db.cipher.encryptJson(state), updated_at: toDbTime(this.#now()) };
    await this.#db.kysely
      .insertInto("sessions")
      .values({ reporter_pseudonym: reporterPseudonym(this.#db.cipher, channel, address), channel, ...values })
      .onConflict((oc) => oc.column("reporter_pseudonym").doUpdateSet(values))
      .execute();
  }

  /**
   * Several processes on one PostgreSQL: holds a per-reporter advisory transaction lock while `step`
   * runs, so two instances never read-modify-write one person's state at once (the server releases
   * it at commit, or if this process dies). The store handed to `step` reads and writes in that
   * transaction, so the state is saved when the lock is released. SQLite has one process per file:
   * `step` runs as is.
   */
  async exclusive<T>(channel: ReporterChannel, address: string, step: (sessions: SessionStore<S>) => Promise<T>): Promise<T> {
    if (this.#db.dialect !== "postgres") return step(this);
    const key = reporterPseudonym(this.#db.cipher, channel, address);
    return this.#lockConnections(() =>
      this.#db.kysely.transaction().execute(async (trx) => {
        // One round trip: the FROM row (setting the wait limit for this transaction) comes first.
        await sql`select pg_advisory_xact_lock(${SESSION_LOCK_SPACE}, hashtext(${key}))
                  from (select set_config('lock_timeout', ${LOCK_TIMEOUT}, true)) as wait_limit`.execute(trx);
        return step(new SqlSessionStore<S>({ ...this.#db, kysely: trx }, { clock: this.#now }));
      }),
    );
  }

  async delete(channel: ReporterChannel, address: string): Promise<void> {
    await this.#db.kysely
      .deleteFrom("sessions")
      .where("reporter_pseudonym", "=", reporterPseudonym(this.#db.cipher, channel, address))
      .execute();
  }
}
