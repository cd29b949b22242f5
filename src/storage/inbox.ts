/**
 * Inbound platform events (Telegram update_id, WhatsApp wamid, Slack event_id). `accept` is
 * de-duplication that survives restarts and works across processes; `store` additionally persists
 * the payload so the webhook can answer 200 only after the event is durable, and process it later.
 */
import type { Kysely } from "kysely";
import { toDbTime } from "./db.js";
import { claimLeased, extendLeased, finishLeased, LeasedQueue, releaseLeased } from "./lease.js";

export interface InboxEvent<P = unknown> {
  id: string;
  source: string;
  eventId: string;
  payload: P;
  attempts: number;
  receivedAt: Date;
}

const MAX_ID_LENGTH = 256;

export class Inbox extends LeasedQueue {
  /**
   * True the first time this event id is seen for this source; recorded as already processed.
   * `trx`: write inside the caller's transaction (e.g. a GroupCommitter batch sharing one commit).
   */
  async accept(source: string, eventId: string, opts: { trx?: Kysely<any> } = {}): Promise<boolean> {
    return this.#insert(source, eventId, null, true, opts.trx);
  }

  /** Persists the event for later processing; false if it was already stored (a redelivery). */
  async store(source: string, eventId: string, payload: unknown): Promise<boolean> {
    return this.#insert(source, eventId, this.db.cipher.encryptJson(payload), false);
  }

  /** Leases up to `limit` stored, unprocessed events of `source`, oldest first. */
  async claimPending<P = unknown>(source: string, limit: number, leaseMs: number): Promise<InboxEvent<P>[]> {
    const rows = await claimLeased(this.db, {
      table: "inbox",
      filter: (q) => q.where("source", "=", source),
      limit,
      leaseMs,
      now: this.now(),
      maxAttempts: this.maxAttempts,
      returning: ["source", "event_id", "payload_enc", "created_at"],
    });
    return rows.map((r) => ({
      id: String(r.id),
      source: r.source,
      eventId: r.event_id,
      payload: this.db.cipher.decryptJson<P>(r.payload_enc),
      attempts: r.attempts,
      receivedAt: new Date(r.created_at),
    }));
  }

  /** Marks a stored event processed and drops its payload (it is no longer needed). */
  async done(id: string): Promise<void> {
    await finishLeased(this.db, "inbox", id, this.now(), { payload_enc: null });
  }

  async retryLater(id: string, at: Date, error: string): Promise<void> {
    await releaseLeased(this.db, "inbox", id, at, error);
  }

  /**
   * Renews the leases of events still being processed (the worker's heartbeat), so a short lease can
   * both cover a long LLM call and let a dead worker's events go quickly. Returns how many were renewed.
   */
  async extendLeases(ids: string[], leaseMs: number): Promise<number> {
    return extendLeased(this.db, "inbox", ids, this.now(), leaseMs);
  }

  async #insert(
    source: string, eventId: string, payloadEnc: string | null, processed: boolean, trx: Kysely<any> = this.db.kysely,
  ): Promise<boolean> {
    if (!source || !eventId || source.length > MAX_ID_LENGTH || eventId.length > MAX_ID_LENGTH)
      throw new RangeError(`inbox source and event id must be 1-${MAX_ID_LENGTH} characters`);
    const now = toDbTime(this.now());
    const rows = await trx
      .insertInto("inbox")
      .values({
        source,
        event_id: eventId,
        created_at: now,
        not_before: now,
        payload_enc: payloadEnc,
        done_at: processed ? now : null,
      })
      .onConflict((oc) => oc.columns(["source", "event_id"]).doNothing())
      .returning("id")
      .execute();
    return rows.length > 0;
  }
}
