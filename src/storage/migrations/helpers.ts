/**
 * Small helpers so one migration file works on both SQLite and PostgreSQL.
 * Conventions: timestamps are ISO-8601 UTC text (sortable, identical on both backends),
 * booleans are integers 0/1, personal data lives in `*_enc` text columns (FieldCipher output).
 */
import { PostgresAdapter, type CreateTableBuilder, type Kysely } from "kysely";

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-incrementing integer primary key named `id`. */
export function withIdColumn<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, "id"> {
  return isPostgres(db)
    ? table.addColumn("id", "serial", (c) => c.primaryKey())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

/** The columns a leased queue needs (see src/storage/lease.ts). */
export function withLeaseColumns<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("not_before", "text", (c) => c.notNull())
    .addColumn("lease_until", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("done_at", "text");
}
