/**
 * `/lentera stats`: counts by kind and status over all tips, and new tips per week. Aggregated in
 * SQL (TipService.list is capped for listings) over the non-personal columns of `tips` only.
 */
import { sql, type Kysely } from "kysely";
import { TIP_KINDS, TIP_STATUSES } from "../../core/tips/types.js";
import { toDbTime } from "../../storage/db.js";
import type { TipStats } from "./blocks.js";

const STATS_WEEKS = 8;
const WEEK_MS = 7 * 86_400_000;

/** Monday 00:00 UTC of the week containing `at`. */
function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day;
}

const zero = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;

export async function tipStats(db: Kysely<any>, now: Date): Promise<TipStats> {
  const firstWeek = new Date(weekStart(now).getTime() - (STATS_WEEKS - 1) * WEEK_MS);
  const weeks = Array.from({ length: STATS_WEEKS }, (_, i) => new Date(firstWeek.getTime() + i * WEEK_MS).toISOString().slice(0, 10));
  const stats: TipStats = { byKind: zero(TIP_KINDS), byStatus: zero(TIP_STATUSES), byWeek: zero(weeks) };

  const groups = await db
    .selectFrom("tips")
    .select(["kind", "status", sql<string | number>`count(*)`.as("n")])
    .groupBy(["kind", "status"])
    .execute();
  for (const g of groups as { kind: string; status: string; n: string | number }[]) {
    stats.byKind[g.kind] = (stats.byKind[g.kind] ?? 0) + Number(g.n);
    stats.byStatus[g.status] = (stats.byStatus[g.status] ?? 0) + Number(g.n);
  }

  const recent = await db.selectFrom("tips").select("created_at").where("created_at", ">=", toDbTime(firstWeek)).execute();
  for (const r of recent as { created_at: string }[]) {
    const week = weekStart(new Date(r.created_at)).toISOString().slice(0, 10);
    if (week in stats.byWeek) stats.byWeek[week]! += 1;
  }
  return stats;
}
