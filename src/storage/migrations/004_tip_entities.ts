import type { Kysely } from "kysely";

/** Entities of a tip: the keyed pseudonym of the normalised value (for matching) and the value encrypted. */
export const up = async (db: Kysely<any>) => {
  await db.schema
    .createTable("tip_entities")
    .addColumn("tip_id", "integer", (c) => c.notNull().references("tips.id").onDelete("cascade"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("pseudonym", "text", (c) => c.notNull())
    .addColumn("value_enc", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("tip_entities_pk", ["tip_id", "type", "pseudonym"])
    .execute();
  await db.schema.createIndex("tip_entities_match").on("tip_entities").columns(["type", "pseudonym"]).execute();
};
