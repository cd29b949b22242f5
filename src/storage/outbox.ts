/**
 * Transactional outbox: side effects (Slack posts, …) are written in the same transaction as the
 * change that causes them and performed afterwards by workers. A claim is a lease: if the worker
 * dies, the lease expires and the item is claimed again. Payloads are encrypted like all other data.
 */
import type { Kysely } from "kysely";
import { toDbTime } from "./db.js";
import { claimLeased, finishLeased, LeasedQueue, releaseLeased } from "./lease.js";

export { backoffDelayMs } from "./lease.js";

export interface OutboxItem<P = Record<string, unknown>> {
  id: string;
  topic: string;
  payload: P;
  /** Including this claim. */
  attempts: number;
  createdAt: Date;
}

export interface EnqueueOptions {
  /** A second enqueue with the same key is ignored (e.g. one "overdue" post per tip). */
  dedupeKey?: string;
  notBefore?: Date;
  /** Enqueue inside this transaction, so the item commits (or rolls back) with the change that caused it. */
  trx?: Kysely<any>;
}

export class Outbox extends LeasedQueue {
  async enqueue(topic: string, payload: object, opts: EnqueueOptions = {}): Promise<void> {
    const now = this.now();
    await (opts.trx ?? this.db.kysely)
      .insertInto("outbox")
      .values({
        topic,
        payload_enc: this.db.cipher.encryptJson(payload),
        dedupe_key: opts.dedupeKey ?? null,
        created_at: toDbTime(now),
        not_before: toDbTime(opts.notBefore ?? now),
      })
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .execute();
  }

  /** Leases up to `limit` due items of `topic` for `leaseMs`, oldest first. */
  async claim<P = Record<string, unknown>>(topic: string, limit: number, leaseMs: number): Promise<OutboxItem<P>[]> {
    const rows = await claimLeased(this.db, {
      table: "outbox",
      filter: (q) => q.where("topic", "=", topic),
      limit,
      leaseMs,
      now: this.now(),
      maxAttempts: this.maxAttempts,
      returning: ["topic", "payload_enc", "created_at"],
    });
    return rows.map((r) => ({
      id: String(r.id),
      topic: r.topic,
      payload: this.db.cipher.decryptJson<P>(r.payload_enc),
      attempts: r.attempts,
      createdAt: new Date(r.created_at),
    }));
  }

  async done(id: string, result?: object): Promise<void> {
    const result_enc = result === undefined ? null : this.db.cipher.encryptJson(result);
    await finishLeased(this.db, "outbox", id, this.now(), { result_enc });
  }

  async retryLater(id: string, at: Date, error: string): Promise<void> {
    await releaseLeased(this.db, "outbox", id, at, error);
  }

  /** Items that used up their attempts without success, for operators to inspect. */
  async dead(topic?: string): Promise<{ id: string; topic: string; attempts: number; lastError?: string }[]> {
    const rows = await this.db.kysely
      .selectFrom("outbox")
      .select(["id", "topic", "attempts", "last_error"])
      .where("done_at", "is", null)
      .where("attempts", ">=", this.maxAttempts)
      .$if(topic !== undefined, (q) => q.where("topic", "=", topic!))
      .orderBy("id")
      .execute();
    return rows.map((r) => ({ id: String(r.id), topic: r.topic, attempts: r.attempts, lastError: r.last_error ?? undefined }));
  }
}
