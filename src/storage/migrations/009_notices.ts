import type { Kysely } from "kysely";
import { withIdColumn, withLeaseColumns } from "./helpers.js";

/** Messages for reporters (officer questions, status changes), delivered by the reporter's channel. */
export const up = async (db: Kysely<any>) => {
  await withLeaseColumns(withIdColumn(db, db.schema.createTable("notices")))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("reporter_pseudonym", "text", (c) => c.notNull())
    .addColumn("address_enc", "text", (c) => c.notNull())
    .addColumn("tip_id", "integer", (c) => c.references("tips.id").onDelete("cascade"))
    .addColumn("notice_enc", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("notices_ready").on("notices").columns(["channel", "done_at", "not_before"]).execute();
  await db.schema.createIndex("notices_reporter").on("notices").column("reporter_pseudonym").execute();
};
