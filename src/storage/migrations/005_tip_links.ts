import type { Kysely } from "kysely";

/** Tips sharing an entity; written once when the later tip is submitted (tip_id is the later one). */
export const up = async (db: Kysely<any>) => {
  await db.schema
    .createTable("tip_links")
    .addColumn("tip_id", "integer", (c) => c.notNull().references("tips.id").onDelete("cascade"))
    .addColumn("related_tip_id", "integer", (c) => c.notNull().references("tips.id").onDelete("cascade"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("pseudonym", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("tip_links_pk", ["tip_id", "related_tip_id", "type", "pseudonym"])
    .execute();
  await db.schema.createIndex("tip_links_related").on("tip_links").column("related_tip_id").execute();
};
