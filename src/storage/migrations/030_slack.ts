import type { Kysely } from "kysely";

/**
 * One row per Slack message Lentera posts for a tip (the triage message, alerts, thread entries),
 * keyed by what it is (e.g. `tip:LTR-…`, `reply:LTR-…:3`) so each is posted at most once.
 * `intent_at` marks a post whose outcome is unknown (crash or lost response): the next attempt
 * looks for the message's metadata in Slack before posting again. No personal data here.
 */
export const up = async (db: Kysely<any>) => {
  await db.schema
    .createTable("slack_posts")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("ref", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("ts", "text")
    .addColumn("thread_ts", "text")
    .addColumn("intent_at", "text")
    .addColumn("lease_until", "text")
    .addColumn("posted_at", "text")
    .execute();
  await db.schema.createIndex("slack_posts_ref").on("slack_posts").column("ref").execute();
};
