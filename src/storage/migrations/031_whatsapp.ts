import type { Kysely } from "kysely";

/**
 * WhatsApp channel state, no personal data:
 * - whatsapp_contacts: when a reporter (pseudonym) last wrote, which opens WhatsApp's 24-hour
 *   customer-service window, and the reply options of the last numbered list sent to them.
 *   Rows are swept once the window has closed.
 * - whatsapp_waiting_notices: notices that could not be sent as free text because the window was
 *   closed; they go out when the reporter writes again. Removed with their notice.
 */
export const up = async (db: Kysely<any>) => {
  await db.schema
    .createTable("whatsapp_contacts")
    .addColumn("reporter_pseudonym", "text", (c) => c.primaryKey())
    .addColumn("last_inbound_at", "text", (c) => c.notNull())
    .addColumn("options_json", "text")
    .execute();
  await db.schema.createIndex("whatsapp_contacts_last_inbound").on("whatsapp_contacts").column("last_inbound_at").execute();
  await db.schema
    .createTable("whatsapp_waiting_notices")
    .addColumn("notice_id", "integer", (c) => c.primaryKey().references("notices.id").onDelete("cascade"))
    .addColumn("reporter_pseudonym", "text", (c) => c.notNull())
    .addColumn("template_sent_at", "text")
    .addColumn("parked_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("whatsapp_waiting_reporter").on("whatsapp_waiting_notices").column("reporter_pseudonym").execute();
};
