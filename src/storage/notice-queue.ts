/**
 * Messages for reporters (officer questions, status changes). TipService enqueues them in the same
 * transaction as the officer action; each reporter channel claims and delivers its own. The
 * routing address and the notice are encrypted until claimed.
 */
import type { Kysely } from "kysely";
import type { ReporterChannel } from "../core/messages.js";
import type { NoticeQueue, ReporterNotice } from "../core/ports.js";
import type { Db } from "./db.js";
import { toDbTime } from "./db.js";
import { claimLeased, finishLeased, LeasedQueue, releaseLeased, type QueueOptions } from "./lease.js";
import { reporterPseudonym } from "./reporters.js";

export interface NewNotice {
  channel: ReporterChannel;
  address: string;
  /** Internal tip id, so the notice goes away with the tip (withdrawal, retention). */
  tipId?: number;
  notice: ReporterNotice;
}

export class SqlNoticeQueue extends LeasedQueue implements NoticeQueue {
  readonly #leaseMs: number;

  constructor(db: Db, opts: QueueOptions & { leaseMs?: number } = {}) {
    super(db, opts);
    this.#leaseMs = opts.leaseMs ?? 60_000;
  }

  async enqueue(n: NewNotice, trx: Kysely<any> = this.db.kysely): Promise<void> {
    const now = toDbTime(this.now());
    await trx
      .insertInto("notices")
      .values({
        channel: n.channel,
        reporter_pseudonym: reporterPseudonym(this.db.cipher, n.channel, n.address),
        address_enc: this.db.cipher.encrypt(n.address),
        tip_id: n.tipId ?? null,
        notice_enc: this.db.cipher.encryptJson(n.notice),
        created_at: now,
        not_before: now,
      })
      .execute();
  }

  async claim(channel: ReporterChannel, limit: number): Promise<{ id: string; address: string; notice: ReporterNotice }[]> {
    const rows = await claimLeased(this.db, {
      table: "notices",
      filter: (q) => q.where("channel", "=", channel),
      limit,
      leaseMs: this.#leaseMs,
      now: this.now(),
      maxAttempts: this.maxAttempts,
      returning: ["address_enc", "notice_enc"],
    });
    return rows.map((r) => ({
      id: String(r.id),
      address: this.db.cipher.decrypt(r.address_enc),
      notice: this.db.cipher.decryptJson<ReporterNotice>(r.notice_enc),
    }));
  }

  async done(id: string): Promise<void> {
    await finishLeased(this.db, "notices", id, this.now());
  }

  async retryLater(id: string, at: Date, error: string): Promise<void> {
    await releaseLeased(this.db, "notices", id, at, error);
  }
}
