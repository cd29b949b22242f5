/**
 * SQL side of the tip queue: rows, entities (pseudonym + ciphertext), links, the audit log, and
 * turning rows into officer views. Every function takes the query executor so the tip service can
 * compose them into one transaction. No business rules here (see core/tips/service.ts).
 */
import type { Kysely } from "kysely";
import type { ReporterChannel } from "../core/messages.js";
import type { OfficerTipView } from "../core/ports.js";
import type { TipEntity, TipKind, TipStatus } from "../core/tips/types.js";
import type { Db } from "./db.js";
import { fromDbTime, toDbTime } from "./db.js";

export interface TipRow {
  id: number;
  ref: string;
  kind: TipKind;
  status: TipStatus;
  urgent: number;
  lang: string;
  details_enc: string;
  attachments_enc: string;
  attachments_count: number;
  reporter_channel: ReporterChannel;
  reporter_pseudonym: string;
  reporter_address_enc: string;
  reporter_contact_enc: string | null;
  consent_at: string;
  consent_version: string;
  assignee: string | null;
  outcome_enc: string | null;
  created_at: string;
  updated_at: string;
  due_at: string;
  first_response_at: string | null;
  overdue_notified_at: string | null;
  closed_at: string | null;
  /** The report flow's id for this submission (see migration 011); null for tips filed otherwise. */
  submission_id: string | null;
}

export type NewTipRow = Omit<TipRow, "id">;

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  fromStatus?: TipStatus;
  toStatus?: TipStatus;
  note?: string;
}

export interface EntityKey {
  type: TipEntity["type"];
  pseudonym: string;
}

export interface TipQuery {
  status?: TipStatus[];
  kind?: TipKind[];
  assignee?: string;
  /** Tips whose ref is one of these, or that mention one of these entity pseudonyms. */
  match?: { refs: string[]; entities: EntityKey[] };
  overdueAt?: Date;
  limit: number;
}

/** Overdue: past the response target and no officer has acted yet. */
export function isOverdue(row: Pick<TipRow, "status" | "due_at" | "first_response_at">, now: Date): boolean {
  return row.status !== "closed" && row.first_response_at === null && row.due_at < toDbTime(now);
}

export const MAX_LINKS_PER_ENTITY = 50;
const DELETE_CHUNK = 1000;

export class TipStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  get #cipher() {
    return this.#db.cipher;
  }

  async insertTip(q: Kysely<any>, row: NewTipRow): Promise<number> {
    const inserted = await q.insertInto("tips").values(row).returning("id").executeTakeFirstOrThrow();
    return inserted.id as number;
  }

  /** Stores each entity as pseudonym (for matching) + ciphertext (for officers); returns the keys. */
  async insertEntities(q: Kysely<any>, tipId: number, entities: TipEntity[]): Promise<EntityKey[]> {
    if (entities.length === 0) return [];
    const rows = entities.map((e) => ({
      tip_id: tipId,
      type: e.type,
      pseudonym: this.entityPseudonym(e),
      value_enc: this.#cipher.encrypt(e.value),
    }));
    await q.insertInto("tip_entities").values(rows).execute();
    return rows.map(({ type, pseudonym }) => ({ type, pseudonym }));
  }

  entityPseudonym(e: TipEntity): string {
    return this.#cipher.pseudonym(`entity:${e.type}:${e.value}`);
  }

  /**
   * Links the tip to earlier tips sharing one of `keys`, matching pseudonyms only. Per entity only
   * the most recent tips are linked, so a number reported a thousand times does not make every new
   * report write a thousand rows; officers reach the older ones through those.
   */
  async linkToEarlierTips(q: Kysely<any>, tipId: number, keys: EntityKey[]): Promise<number> {
    let linked = 0;
    for (const key of keys) {
      const result = await q
        .insertInto("tip_links")
        .columns(["tip_id", "related_tip_id", "type", "pseudonym"])
        .expression((eb) =>
          eb
            .selectFrom("tip_entities")
            .select((s) => [s.cast(s.val(tipId), "integer").as("tip_id"), "tip_id as related_tip_id", "type", "pseudonym"])
            .where("type", "=", key.type)
            .where("pseudonym", "=", key.pseudonym)
            .where("tip_id", "<>", tipId)
            .orderBy("tip_id", "desc")
            .limit(MAX_LINKS_PER_ENTITY),
        )
        .executeTakeFirst();
      linked += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return linked;
  }

  async appendAudit(q: Kysely<any>, tipId: number, e: AuditEntry): Promise<void> {
    await q
      .insertInto("tip_audit")
      .values({
        tip_id: tipId,
        at: toDbTime(e.at),
        actor: e.actor,
        action: e.action,
        from_status: e.fromStatus ?? null,
        to_status: e.toStatus ?? null,
        note_enc: e.note === undefined ? null : this.#cipher.encrypt(e.note),
      })
      .execute();
  }

  /** The tip row; with `lock`, PostgreSQL holds a row lock until the transaction ends (SQLite's write lock already does). */
  async findByRef(q: Kysely<any>, ref: string, opts: { lock?: boolean } = {}): Promise<TipRow | undefined> {
    return (await q
      .selectFrom("tips")
      .selectAll()
      .where("ref", "=", ref)
      .$if(Boolean(opts.lock) && this.#db.dialect === "postgres", (s) => s.forUpdate())
      .executeTakeFirst()) as TipRow | undefined;
  }

  /** The tip this reporter already filed under this submission id, if any. */
  async findSubmission(q: Kysely<any>, reporterPseudonym: string, submissionId: string): Promise<TipRow | undefined> {
    return (await q
      .selectFrom("tips")
      .selectAll()
      .where("submission_id", "=", submissionId)
      .where("reporter_pseudonym", "=", reporterPseudonym)
      .executeTakeFirst()) as TipRow | undefined;
  }

  async updateTip(q: Kysely<any>, id: number, patch: Partial<NewTipRow>): Promise<void> {
    await q.updateTable("tips").set(patch).where("id", "=", id).execute();
  }

  /** The reporter's tip whose officer question was asked most recently. */
  async latestAwaitingInfo(q: Kysely<any>, reporterPseudonym: string): Promise<TipRow | undefined> {
    return (await q
      .selectFrom("tips")
      .selectAll()
      .where("reporter_pseudonym", "=", reporterPseudonym)
      .where("status", "=", "needs_info")
      .orderBy("updated_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .$if(this.#db.dialect === "postgres", (s) => s.forUpdate())
      .executeTakeFirst()) as TipRow | undefined;
  }

  /** The status the tip had when an officer first asked the question now open (asking again keeps it needs_info). */
  async statusWhenAsked(q: Kysely<any>, tipId: number): Promise<TipStatus | undefined> {
    const row = await q
      .selectFrom("tip_audit")
      .select("from_status")
      .where("tip_id", "=", tipId)
      .where("action", "=", "ask")
      .where("from_status", "<>", "needs_info")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    return (row?.from_status ?? undefined) as TipStatus | undefined;
  }

  async refsOfReporter(q: Kysely<any>, reporterPseudonym: string): Promise<string[]> {
    const rows = await q
      .selectFrom("tips")
      .select("ref")
      .where("reporter_pseudonym", "=", reporterPseudonym)
      .orderBy("id")
      .execute();
    return rows.map((r) => r.ref);
  }

  async select(q: Kysely<any>, f: TipQuery): Promise<TipRow[]> {
    return (await q
      .selectFrom("tips")
      .selectAll()
      .$if(Boolean(f.status?.length), (s) => s.where("status", "in", f.status!))
      .$if(Boolean(f.kind?.length), (s) => s.where("kind", "in", f.kind!))
      .$if(f.assignee !== undefined, (s) => s.where("assignee", "=", f.assignee!))
      .$if(f.overdueAt !== undefined, (s) =>
        s
          .where("status", "<>", "closed")
          .where("first_response_at", "is", null)
          .where("due_at", "<", toDbTime(f.overdueAt!)),
      )
      .$if(f.match !== undefined, (s) =>
        s.where((w) =>
          w.or([
            ...(f.match!.refs.length ? [w("ref", "in", f.match!.refs)] : []),
            ...(f.match!.entities.length
              ? [
                  w(
                    "id",
                    "in",
                    w
                      .selectFrom("tip_entities")
                      .select("tip_id")
                      .where((e) => e.or(f.match!.entities.map((k) => e.and([e("type", "=", k.type), e("pseudonym", "=", k.pseudonym)])))),
                  ),
                ]
              : []),
          ]),
        ),
      )
      .orderBy("urgent", "desc")
      .orderBy("due_at", "asc")
      .orderBy("id", "asc")
      .limit(f.limit)
      .execute()) as TipRow[];
  }

  /** Tips past their target that nobody has answered and that were not reported overdue yet. */
  async newlyOverdue(q: Kysely<any>, now: Date): Promise<TipRow[]> {
    return (await q
      .selectFrom("tips")
      .selectAll()
      .where("status", "<>", "closed")
      .where("first_response_at", "is", null)
      .where("overdue_notified_at", "is", null)
      .where("due_at", "<", toDbTime(now))
      .orderBy("id")
      .$if(this.#db.dialect === "postgres", (s) => s.forUpdate().skipLocked())
      .execute()) as TipRow[];
  }

  /** Deletes tips and, through ON DELETE CASCADE, their entities, links, audit log and notices. */
  async deleteTips(q: Kysely<any>, ids: number[]): Promise<number> {
    let deleted = 0;
    // In chunks: both backends cap the number of bound parameters per statement.
    for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
      const result = await q.deleteFrom("tips").where("id", "in", ids.slice(i, i + DELETE_CHUNK)).executeTakeFirst();
      deleted += Number(result.numDeletedRows);
    }
    return deleted;
  }

  async closedBefore(q: Kysely<any>, cutoff: Date): Promise<{ id: number; ref: string }[]> {
    return (await q
      .selectFrom("tips")
      .select(["id", "ref"])
      .where("status", "=", "closed")
      .where("closed_at", "<", toDbTime(cutoff))
      .execute()) as { id: number; ref: string }[];
  }

  async ofReporter(q: Kysely<any>, reporterPseudonym: string): Promise<{ id: number; ref: string }[]> {
    return (await q
      .selectFrom("tips")
      .select(["id", "ref"])
      .where("reporter_pseudonym", "=", reporterPseudonym)
      .execute()) as { id: number; ref: string }[];
  }

  /** Officer views of `rows` (same order), loading entities, links and audit for all of them at once. */
  async views(q: Kysely<any>, rows: TipRow[], now: Date): Promise<OfficerTipView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    // Sequential: inside a transaction these share one connection.
    const entities = await q
      .selectFrom("tip_entities")
      .select(["tip_id", "type", "pseudonym", "value_enc"])
      .where("tip_id", "in", ids)
      .execute();
    const links = await q
      .selectFrom("tip_links as l")
      .innerJoin("tips as a", "a.id", "l.tip_id")
      .innerJoin("tips as b", "b.id", "l.related_tip_id")
      .select(["l.tip_id", "l.related_tip_id", "l.type", "l.pseudonym", "a.ref as tip_ref", "b.ref as related_ref"])
      .where((w) => w.or([w("l.tip_id", "in", ids), w("l.related_tip_id", "in", ids)]))
      .execute();
    const audit = await q.selectFrom("tip_audit").selectAll().where("tip_id", "in", ids).orderBy("id").execute();
    const c = this.#cipher;
    const entityKey = (tipId: number, type: string, pseudonym: string) => `${tipId}\u0000${type}\u0000${pseudonym}`;
    const entityValues = new Map(entities.map((e) => [entityKey(e.tip_id, e.type, e.pseudonym), c.decrypt(e.value_enc)]));
    return rows.map((r) => {
      const related = new Map<string, TipEntity[]>();
      for (const l of links) {
        const otherRef = l.tip_id === r.id ? l.related_ref : l.related_tip_id === r.id ? l.tip_ref : undefined;
        if (otherRef === undefined) continue;
        const value = entityValues.get(entityKey(r.id, l.type, l.pseudonym));
        if (value === undefined) continue;
        related.set(otherRef, [...(related.get(otherRef) ?? []), { type: l.type, value }]);
      }
      const details = c.decryptJson<Record<string, unknown>>(r.details_enc);
      return {
        ref: r.ref,
        kind: r.kind,
        status: r.status,
        urgent: r.urgent === 1,
        overdue: isOverdue(r, now),
        createdAt: fromDbTime(r.created_at),
        dueAt: fromDbTime(r.due_at),
        updatedAt: fromDbTime(r.updated_at),
        ...(r.assignee ? { assignee: r.assignee } : {}),
        ...(r.outcome_enc ? { outcome: c.decrypt(r.outcome_enc) } : {}),
        summary: summarise(details),
        details,
        entities: entities
          .filter((e) => e.tip_id === r.id)
          .map((e) => ({ type: e.type, value: entityValues.get(entityKey(r.id, e.type, e.pseudonym))! })),
        attachments: r.attachments_count,
        ...(r.reporter_contact_enc ? { reporterContact: c.decrypt(r.reporter_contact_enc) } : {}),
        reporterChannel: r.reporter_channel,
        consent: { at: fromDbTime(r.consent_at), noticeVersion: r.consent_version },
        related: [...related].map(([ref, via]) => ({ ref, via })),
        audit: audit
          .filter((a) => a.tip_id === r.id)
          .map((a) => ({
            at: fromDbTime(a.at),
            actor: a.actor,
            action: a.action,
            ...(a.note_enc ? { note: c.decrypt(a.note_enc) } : {}),
          })),
      };
    });
  }
}

const SUMMARY_LENGTH = 160;

/** One line for queue listings: the report's own text fields, in the order the schema lists them. */
export function summarise(details: Record<string, unknown>): string {
  const parts = Object.values(details).filter((v): v is string => typeof v === "string" && v.trim() !== "");
  const line = parts.join(" · ").replace(/\s+/g, " ");
  return line.length > SUMMARY_LENGTH ? `${line.slice(0, SUMMARY_LENGTH - 1)}…` : line;
}

/** Rows older than `cutoff` in the housekeeping tables (processed queue items, idle sessions). */
export async function purgeHousekeeping(q: Kysely<any>, cutoff: Date): Promise<Record<string, number>> {
  const before = toDbTime(cutoff);
  const count = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
  return {
    sessions: count(await q.deleteFrom("sessions").where("updated_at", "<", before).executeTakeFirst()),
    inbox: count(await q.deleteFrom("inbox").where("done_at", "<", before).executeTakeFirst()),
    outbox: count(await q.deleteFrom("outbox").where("done_at", "<", before).executeTakeFirst()),
    notices: count(await q.deleteFrom("notices").where("done_at", "<", before).executeTakeFirst()),
  };
}
