import type { Kysely } from "kysely";
import { withIdColumn } from "./helpers.js";

export const up = async (db: Kysely<any>) => {
  await withIdColumn(db, db.schema.createTable("tips"))
    .addColumn("ref", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("urgent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("details_enc", "text", (c) => c.notNull())
    .addColumn("attachments_enc", "text", (c) => c.notNull())
    .addColumn("attachments_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reporter_channel", "text", (c) => c.notNull())
    .addColumn("reporter_pseudonym", "text", (c) => c.notNull())
    .addColumn("reporter_address_enc", "text", (c) => c.notNull())
    .addColumn("reporter_contact_enc", "text")
    .addColumn("consent_at", "text", (c) => c.notNull())
    .addColumn("consent_version", "text", (c) => c.notNull())
    .addColumn("assignee", "text")
    .addColumn("outcome_enc", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("first_response_at", "text")
    .addColumn("overdue_notified_at", "text")
    .addColumn("closed_at", "text")
    .execute();
  await db.schema.createIndex("tips_status_due").on("tips").columns(["status", "due_at"]).execute();
  await db.schema.createIndex("tips_reporter").on("tips").column("reporter_pseudonym").execute();
  await db.schema.createIndex("tips_closed_at").on("tips").column("closed_at").execute();
};
