import type { Kysely } from "kysely";

/** Conversation state per reporter, keyed by the pseudonym of channel + address; the state is encrypted. */
export const up = async (db: Kysely<any>) => {
  await db.schema
    .createTable("sessions")
    .addColumn("reporter_pseudonym", "text", (c) => c.primaryKey())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("state_enc", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_updated").on("sessions").column("updated_at").execute();
};
