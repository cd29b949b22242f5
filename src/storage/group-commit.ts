/**
 * Group commit: concurrent writers share one durable commit. Each write runs inside its own
 * savepoint of a shared transaction, so one failing write is rolled back alone; every caller's
 * promise settles only after the commit (or with the commit's error), so nothing is acknowledged
 * before it is durable. One fsync then covers a whole batch instead of one write — the dominant
 * cost of a durable commit.
 *
 * Only SQLite batches: it has a single writer, so concurrent transactions queue up and each pays
 * its own fsync. PostgreSQL runs them in parallel over the pool and already flushes concurrent
 * commits together, so there each write simply gets its own transaction (savepoints would only
 * add round trips).
 */
import type { ControlledTransaction, Kysely } from "kysely";
import type { Db } from "./db.js";

interface Job {
  write: (trx: Kysely<any>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const SAVEPOINT = "group_commit_item";

export class GroupCommitter {
  readonly #db: Db;
  readonly #maxBatch: number;
  readonly #queue: Job[] = [];
  #running = false;

  constructor(db: Db, opts: { maxBatch?: number } = {}) {
    this.#db = db;
    this.#maxBatch = opts.maxBatch ?? 32;
  }

  /**
   * Runs `write` in a shared transaction; resolves with its result once that transaction committed.
   * `write` must use only the executor it is given: on SQLite the batch holds the one connection.
   */
  run<T>(write: (trx: Kysely<any>) => Promise<T>): Promise<T> {
    if (this.#db.dialect !== "sqlite") return this.#db.kysely.transaction().execute(write);
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ write, resolve: resolve as (v: unknown) => void, reject });
      void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      while (this.#queue.length > 0) await this.#commit(this.#queue.splice(0, this.#maxBatch));
    } finally {
      this.#running = false;
    }
  }

  async #commit(batch: Job[]): Promise<void> {
    const outcomes: Outcome[] = [];
    let trx: ControlledTransaction<any> | undefined;
    try {
      trx = await this.#db.kysely.startTransaction().execute();
      for (const job of batch) outcomes.push(await this.#inSavepoint(trx, job));
      await trx.commit().execute();
    } catch (error) {
      await trx?.rollback().execute().catch(() => undefined);
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  async #inSavepoint(trx: ControlledTransaction<any>, job: Job): Promise<Outcome> {
    const sp = await trx.savepoint(SAVEPOINT).execute();
    try {
      const value = await job.write(sp);
      await sp.releaseSavepoint(SAVEPOINT).execute();
      return { ok: true, value };
    } catch (error) {
      // The savepoint stays on the stack until the commit; a later one with the same name shadows it.
      await sp.rollbackToSavepoint(SAVEPOINT).execute();
      return { ok: false, error };
    }
  }
}
