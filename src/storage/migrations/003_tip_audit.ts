import type { Kysely } from "kysely";
import { withIdColumn } from "./helpers.js";

/** Append-only: rows are only ever inserted, and removed only with their tip (withdrawal, retention). */
export const up = async (db: Kysely<any>) => {
  await withIdColumn(db, db.schema.createTable("tip_audit"))
    .addColumn("tip_id", "integer", (c) => c.notNull().references("tips.id").onDelete("cascade"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("note_enc", "text")
    .execute();
  await db.schema.createIndex("tip_audit_tip").on("tip_audit").column("tip_id").execute();
};
