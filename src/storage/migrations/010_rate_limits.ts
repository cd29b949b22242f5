import { sql, type Kysely } from "kysely";
import { isPostgres } from "./helpers.js";

/**
 * Per-sender inbound rate limit windows, shared by every instance on the database. The sender is a
 * keyed pseudonym, never a chat id or phone number. A row holds only the sender's current window;
 * expired rows are swept by the limiter itself (src/storage/rate-limits.ts).
 *
 * UNLOGGED on PostgreSQL: a count written there is not flushed to the WAL before the commit returns,
 * so a check costs a round trip, not a disk flush. After a server crash (or on a replica) the table
 * starts empty, which only restarts everyone's current minute.
 */
export const up = async (db: Kysely<any>) => {
  const table = db.schema.createTable("rate_limits");
  await (isPostgres(db) ? table.modifyFront(sql`unlogged`) : table)
    .addColumn("sender_pseudonym", "text", (c) => c.primaryKey())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("rate_limits_window_start").on("rate_limits").column("window_start").execute();
};
