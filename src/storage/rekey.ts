/**
 * Re-encrypts every stored value that was written under an older data key, so that key can be
 * retired. Covers every `*_enc` column of every table (the storage convention for personal data,
 * see migrations/helpers.ts), including tables of other features.
 */
import { sql, type RawBuilder } from "kysely";
import type { Db } from "./db.js";

export interface RekeyResult {
  table: string;
  column: string;
  reencrypted: number;
}

const BATCH = 500;

export async function reencryptUnderCurrentKey(db: Db): Promise<RekeyResult[]> {
  const tables = (await db.kysely.introspection.getTables()).filter((t) => !t.isView);
  const results: RekeyResult[] = [];
  for (const table of tables)
    for (const column of table.columns.filter((c) => c.name.endsWith("_enc")))
      results.push({ table: table.name, column: column.name, reencrypted: await reencryptColumn(db, table.name, column.name) });
  return results;
}

async function reencryptColumn(db: Db, table: string, column: string): Promise<number> {
  // Rows are addressed by their physical id, so tables need no particular primary key.
  const rowId = db.dialect === "sqlite" ? sql<string>`rowid` : sql<string>`ctid::text`;
  const sameRow = (id: string): RawBuilder<boolean> => (db.dialect === "sqlite" ? sql`rowid = ${id}` : sql`ctid = ${id}::tid`);
  const current = `v1.${db.cipher.keyId}.%`;
  let total = 0;
  for (;;) {
    const done = await db.kysely.transaction().execute(async (trx) => {
      const stale = await trx
        .selectFrom(table)
        .select([rowId.as("row_id"), sql.ref(column).as("value")])
        .where(sql.ref(column), "is not", null)
        .where(sql.ref(column), "not like", current)
        .limit(BATCH)
        .execute();
      for (const row of stale)
        await trx
          .updateTable(table)
          .set({ [column]: db.cipher.encrypt(db.cipher.decrypt(row.value as string)) })
          .where(sameRow(row.row_id as string))
          .where(sql.ref(column), "=", row.value) // unless the app rewrote it meanwhile
          .execute();
      total += stale.length;
      return stale.length < BATCH;
    });
    if (done) return total;
  }
}
