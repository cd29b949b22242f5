/**
 * The licensed-agency registry in the database (SQLite or PostgreSQL), behind the AgencyRegistry port.
 * The checker reads the whole list into memory (a few thousand companies at most) and reloads it when
 * `version()` changes, so lookups never wait on the database.
 */
import { sql } from "kysely";
import { agencyKey, type AgencyRecord, type AgencyRegistry, type AgencyStatus } from "../core/offers/agencies.js";
import { toDbTime, type Db } from "./db.js";

interface AgencyRow {
  name: string;
  licence: string | null;
  address: string | null;
  status: string;
  valid_until: string | null;
}

const toRecord = (r: AgencyRow): AgencyRecord => ({
  name: r.name,
  status: r.status as AgencyStatus,
  ...(r.licence ? { licence: r.licence } : {}),
  ...(r.address ? { address: r.address } : {}),
  ...(r.valid_until ? { validUntil: r.valid_until } : {}),
});

export class SqlAgencyRegistry implements AgencyRegistry {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<AgencyRecord[]> {
    const rows = await this.db.kysely
      .selectFrom("agencies")
      .select(["name", "licence", "address", "status", "valid_until"])
      .orderBy("id")
      .execute();
    return (rows as AgencyRow[]).map(toRecord);
  }

  async version(): Promise<string> {
    const row = await this.db.kysely
      .selectFrom("agencies")
      .select([sql<number>`count(*)`.as("n"), sql<string | null>`max(updated_at)`.as("at")])
      .executeTakeFirst();
    return `${Number(row?.n ?? 0)}:${row?.at ?? ""}`;
  }

  /** One transaction: an import is applied whole or not at all. */
  async upsert(records: readonly AgencyRecord[]): Promise<{ inserted: number; updated: number }> {
    const at = toDbTime(this.now());
    return this.db.kysely.transaction().execute(async (trx) => {
      let inserted = 0;
      let updated = 0;
      for (const r of records) {
        const nameKey = agencyKey(r.name);
        if (!nameKey) continue;
        const values = {
          name: r.name,
          licence: r.licence ?? null,
          address: r.address ?? null,
          status: r.status,
          valid_until: r.validUntil ?? null,
          updated_at: at,
        };
        const existing = await trx.selectFrom("agencies").select("id").where("name_key", "=", nameKey).executeTakeFirst();
        if (existing) {
          await trx.updateTable("agencies").set(values).where("id", "=", existing.id).execute();
          updated++;
        } else {
          await trx.insertInto("agencies").values({ ...values, name_key: nameKey }).execute();
          inserted++;
        }
      }
      return { inserted, updated };
    });
  }
}
