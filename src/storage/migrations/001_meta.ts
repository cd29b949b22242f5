import type { Kysely } from "kysely";

/** Key/value facts about the database itself (e.g. a check value proving which data key it uses). */
export const up = async (db: Kysely<any>) => {
  await db.schema
    .createTable("meta")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
};
