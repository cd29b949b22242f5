/**
 * Retention (UU PDP: delete once the purpose is met): closed tips past the retention period go,
 * with everything attached to them, and so do processed queue items and idle sessions.
 */
import type { Db } from "../../storage/db.js";
import { Outbox } from "../../storage/outbox.js";
import { purgeHousekeeping, TipStore } from "../../storage/tip-store.js";
import { SLACK_TIP_TOPIC } from "./types.js";

export interface PurgeResult {
  cutoff: Date;
  tips: number;
  sessions: number;
  inbox: number;
  outbox: number;
  notices: number;
}

export async function purgeExpired(db: Db, cutoff: Date, clock?: () => Date): Promise<PurgeResult> {
  const store = new TipStore(db);
  const outbox = new Outbox(db, { clock });
  return db.kysely.transaction().execute(async (trx) => {
    const housekeeping = await purgeHousekeeping(trx, cutoff);
    const expired = await store.closedBefore(trx, cutoff);
    const tips = await store.deleteTips(trx, expired.map((t) => t.id));
    // Officers' Slack copies of the tip should go too.
    for (const t of expired) await outbox.enqueue(SLACK_TIP_TOPIC, { ref: t.ref, event: "deleted" }, { trx });
    return { cutoff, tips, ...housekeeping } as PurgeResult;
  });
}

/** "180d", "12h", "90m" → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d{1,6})\s*([dhm])$/.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as "d" | "h" | "m"];
  return Number(m[1]) * unit;
}
