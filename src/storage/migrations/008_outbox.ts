import type { Kysely } from "kysely";
import { withIdColumn, withLeaseColumns } from "./helpers.js";

/** Side effects to perform after a commit (Slack posts…), claimed by workers with a lease. */
export const up = async (db: Kysely<any>) => {
  await withLeaseColumns(withIdColumn(db, db.schema.createTable("outbox")))
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("payload_enc", "text", (c) => c.notNull())
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("result_enc", "text")
    .execute();
  await db.schema.createIndex("outbox_ready").on("outbox").columns(["topic", "done_at", "not_before"]).execute();
};
