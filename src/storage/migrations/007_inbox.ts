import type { Kysely } from "kysely";
import { withIdColumn, withLeaseColumns } from "./helpers.js";

/** Inbound platform events: de-duplication by (source, event id), optionally the payload to process later. */
export const up = async (db: Kysely<any>) => {
  await withLeaseColumns(withIdColumn(db, db.schema.createTable("inbox")))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("payload_enc", "text")
    .addUniqueConstraint("inbox_event", ["source", "event_id"])
    .execute();
  await db.schema.createIndex("inbox_ready").on("inbox").columns(["source", "done_at", "not_before"]).execute();
};
