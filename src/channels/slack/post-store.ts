/**
 * The `slack_posts` table (migration 030): which Slack message Lentera posted for what, and
 * a per-tip lease so only one worker (of any process) touches a tip's messages at a time.
 */
import type { Kysely } from "kysely";
import { fromDbTime, toDbTime } from "../../storage/db.js";

export interface SlackPost {
  key: string;
  ref: string;
  channel: string;
  ts?: string;
  threadTs?: string;
  /** Set while a post's outcome is unknown (see poster.ts). */
  intentAt?: Date;
}

interface Row {
  key: string;
  ref: string;
  channel: string;
  ts: string | null;
  thread_ts: string | null;
  intent_at: string | null;
}

const toPost = (r: Row): SlackPost => ({
  key: r.key,
  ref: r.ref,
  channel: r.channel,
  ts: r.ts ?? undefined,
  threadTs: r.thread_ts ?? undefined,
  intentAt: r.intent_at ? fromDbTime(r.intent_at) : undefined,
});

/** The key of a tip's triage message; it also carries the tip's lease. */
export const mainKey = (ref: string) => `tip:${ref}`;

export class SlackPostStore {
  readonly #db: Kysely<any>;
  readonly #now: () => Date;

  constructor(db: Kysely<any>, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
  }

  async get(key: string): Promise<SlackPost | undefined> {
    const row = await this.#db.selectFrom("slack_posts").selectAll().where("key", "=", key).executeTakeFirst();
    return row ? toPost(row as Row) : undefined;
  }

  async forRef(ref: string): Promise<SlackPost[]> {
    const rows = await this.#db.selectFrom("slack_posts").selectAll().where("ref", "=", ref).orderBy("key").execute();
    return (rows as Row[]).map(toPost);
  }

  /** Posted triage messages of these tips, by ref. */
  async mainMessages(refs: string[]): Promise<Map<string, { channel: string; ts: string }>> {
    const found = new Map<string, { channel: string; ts: string }>();
    if (refs.length === 0) return found;
    const rows = await this.#db
      .selectFrom("slack_posts")
      .select(["ref", "channel", "ts"])
      .where("key", "in", refs.map(mainKey))
      .where("ts", "is not", null)
      .execute();
    for (const r of rows as Row[]) found.set(r.ref, { channel: r.channel, ts: r.ts! });
    return found;
  }

  /**
   * Takes the tip's lease for `leaseMs` unless another worker holds it. The lease outlives a
   * crashed worker by at most `leaseMs`; it is not extended, so keep work under it short.
   */
  async lock(ref: string, channel: string, leaseMs: number): Promise<boolean> {
    const now = this.#now();
    const leaseUntil = toDbTime(new Date(now.getTime() + leaseMs));
    // One statement (one commit): insert the row with the lease, or take the lease if it is free.
    const result = await this.#db
      .insertInto("slack_posts")
      .values({ key: mainKey(ref), ref, channel, lease_until: leaseUntil })
      .onConflict((oc) =>
        oc
          .column("key")
          .doUpdateSet({ lease_until: leaseUntil })
          .where((w) => w.or([w("slack_posts.lease_until", "is", null), w("slack_posts.lease_until", "<", toDbTime(now))])),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows) === 1;
  }

  async unlock(ref: string): Promise<void> {
    await this.#db.updateTable("slack_posts").set({ lease_until: null }).where("key", "=", mainKey(ref)).execute();
  }

  /** Written before a post is attempted, so a crash or lost response leaves a trace. */
  async recordIntent(post: { key: string; ref: string; channel: string; threadTs?: string }): Promise<void> {
    const intentAt = toDbTime(this.#now());
    await this.#db
      .insertInto("slack_posts")
      .values({ key: post.key, ref: post.ref, channel: post.channel, thread_ts: post.threadTs ?? null, intent_at: intentAt })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({ channel: post.channel, thread_ts: post.threadTs ?? null, intent_at: intentAt }),
      )
      .execute();
  }

  async recordPosted(key: string, ts: string): Promise<void> {
    await this.#db
      .updateTable("slack_posts")
      .set({ ts, intent_at: null, posted_at: toDbTime(this.#now()) })
      .where("key", "=", key)
      .execute();
  }

  /** The attempt certainly did not post (e.g. 429), so the next one needs no search. */
  async clearIntent(key: string): Promise<void> {
    await this.#db.updateTable("slack_posts").set({ intent_at: null }).where("key", "=", key).execute();
  }

  async deleteRef(ref: string): Promise<void> {
    await this.#db.deleteFrom("slack_posts").where("ref", "=", ref).execute();
  }
}
