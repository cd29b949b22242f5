import type { Kysely } from "kysely";
import { withIdColumn } from "./helpers.js";

/**
 * The licensed-agency registry (P3MI), loaded from the official list by `lentera agencies import`.
 * Public company data, so stored in the clear. `name_key` is the comparable form of the name
 * (core/offers/agencies.ts agencyKey): one row per company, re-imports update it.
 */
export const up = async (db: Kysely<any>) => {
  await withIdColumn(db, db.schema.createTable("agencies"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull().unique())
    .addColumn("licence", "text")
    .addColumn("address", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("valid_until", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
};
