/**
 * The tip service: intake, the officer queue and the reporter's side of it. Every change commits
 * in one transaction together with its audit entry, its reporter notice and its `slack.tip` outbox
 * event, so nothing is announced that was not stored and nothing stored goes unannounced.
 */
import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import type { Db } from "../../storage/db.js";
import { fromDbTime, isUniqueViolation, toDbTime } from "../../storage/db.js";
import { GroupCommitter } from "../../storage/group-commit.js";
import { SqlNoticeQueue } from "../../storage/notice-queue.js";
import { Outbox } from "../../storage/outbox.js";
import { reporterPseudonym } from "../../storage/reporters.js";
import { TipStore, type TipRow } from "../../storage/tip-store.js";
import type { Lang, ReporterChannel } from "../messages.js";
import type { OfficerTipView, TipService } from "../ports.js";
import { ENTITY_TYPES, SLACK_TIP_TOPIC, type OfficerAction, type SlackTipEvent, type TipKind, type TipStatus } from "./types.js";
import { entitiesFromDetails, LINKING_ENTITY_TYPES, normaliseEntities, normaliseEntityValue } from "./entities.js";
import { TipError } from "./errors.js";
import { generateRef, normaliseRef } from "./reference.js";
import { planTransition } from "./transitions.js";
import { MAX_NOTE, parseNewTip, parseOfficerInput } from "./validation.js";

/** The TipService with its optional methods present. */
export type LenteraTipService = Required<TipService>;

export function responseTargetMinutes(config: Config, kind: TipKind): number {
  const targets: Record<TipKind, number> = {
    danger_now: config.LENTERA_TARGET_DANGER_MINUTES,
    missing_person: config.LENTERA_TARGET_MISSING_MINUTES,
    recruiter: config.LENTERA_TARGET_RECRUITER_MINUTES,
    other: config.LENTERA_TARGET_OTHER_MINUTES,
  };
  return targets[kind];
}

const REPORTER = "reporter";
const SYSTEM = "system";
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const REF_ATTEMPTS = 5;

export function createTipService(deps: { db: Db; config: Config; clock?: () => Date; logger?: Logger }): LenteraTipService {
  const { db, config, logger } = deps;
  const now = deps.clock ?? (() => new Date());
  const store = new TipStore(db);
  const outbox = new Outbox(db, { clock: now });
  const notices = new SqlNoticeQueue(db, { clock: now });
  const cipher = db.cipher;
  // Submissions arrive in bursts from many reporters at once; they share durable commits.
  const committer = new GroupCommitter(db);

  const announce = (trx: Kysely<any>, event: SlackTipEvent, dedupeKey?: string) =>
    outbox.enqueue(SLACK_TIP_TOPIC, event, { trx, dedupeKey });

  const view = async (q: Kysely<any>, row: TipRow) => (await store.views(q, [row], now()))[0]!;

  async function withFreshRef<T>(write: (trx: Kysely<any>, ref: string) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await committer.run((trx) => write(trx, generateRef()));
      } catch (err) {
        // A reference collision (2^30 possible references) just draws another one; a submission id
        // filed concurrently is found by the next attempt.
        if (!isUniqueViolation(err) || attempt >= REF_ATTEMPTS) throw err;
      }
    }
  }

  return {
    async submit(input) {
      const tip = parseNewTip(input);
      const createdAt = now();
      const dueAt = new Date(createdAt.getTime() + responseTargetMinutes(config, tip.kind) * 60_000);
      const entities = normaliseEntities([...tip.entities, ...entitiesFromDetails(tip.kind, tip.details)]);
      const at = toDbTime(createdAt);
      const pseudonym = reporterPseudonym(cipher, tip.reporter.channel, tip.reporter.address);
      const filed = await withFreshRef(async (trx, ref) => {
        const earlier = tip.submissionId ? await store.findSubmission(trx, pseudonym, tip.submissionId) : undefined;
        if (earlier) return { ref: earlier.ref, dueAt: fromDbTime(earlier.due_at), repeated: true };
        const id = await store.insertTip(trx, {
          ref,
          kind: tip.kind,
          status: "new",
          urgent: tip.kind === "danger_now" ? 1 : 0,
          lang: tip.lang,
          details_enc: cipher.encryptJson(tip.details),
          attachments_enc: cipher.encryptJson(tip.attachments),
          attachments_count: tip.attachments.length,
          reporter_channel: tip.reporter.channel,
          reporter_pseudonym: pseudonym,
          reporter_address_enc: cipher.encrypt(tip.reporter.address),
          reporter_contact_enc: tip.reporter.contact ? cipher.encrypt(tip.reporter.contact) : null,
          consent_at: toDbTime(tip.consent.at),
          consent_version: tip.consent.noticeVersion,
          assignee: null,
          outcome_enc: null,
          created_at: at,
          updated_at: at,
          due_at: toDbTime(dueAt),
          first_response_at: null,
          overdue_notified_at: null,
          closed_at: null,
          submission_id: tip.submissionId ?? null,
        });
        const keys = await store.insertEntities(trx, id, entities);
        await store.linkToEarlierTips(trx, id, keys.filter((k) => LINKING_ENTITY_TYPES.includes(k.type)));
        await store.appendAudit(trx, id, { at: createdAt, actor: REPORTER, action: "submitted", toStatus: "new" });
        await announce(trx, { ref, event: "created" });
        return { ref, dueAt, repeated: false };
      });
      if (filed.repeated) logger?.info({ ref: filed.ref, kind: tip.kind }, "submission repeated: the tip was already filed");
      else logger?.info({ ref: filed.ref, kind: tip.kind }, "tip submitted");
      return { ref: filed.ref, dueAt: filed.dueAt };
    },

    async statusForReporter(input) {
      const ref = normaliseRef(input);
      if (!ref) return undefined;
      const row = await store.findByRef(db.kysely, ref);
      if (!row) return undefined;
      return {
        ref: row.ref,
        kind: row.kind,
        status: row.status,
        createdAt: new Date(row.created_at),
        dueAt: new Date(row.due_at),
        updatedAt: new Date(row.updated_at),
      };
    },

    async addReporterReply(channel, address, text) {
      const answer = text.trim().slice(0, MAX_NOTE);
      if (!answer) return undefined;
      const pseudonym = reporterPseudonym(cipher, channel, address);
      const at = now();
      return db.kysely.transaction().execute(async (trx) => {
        const row = await store.latestAwaitingInfo(trx, pseudonym);
        if (!row) return undefined;
        const askedWhile = await store.statusWhenAsked(trx, row.id);
        const next = planTransition({
          status: row.status, assignee: row.assignee ?? undefined, actor: REPORTER, action: "reporter_reply", text: answer, askedWhile,
        });
        await store.updateTip(trx, row.id, { status: next.status, updated_at: toDbTime(at) });
        await store.appendAudit(trx, row.id, { at, actor: REPORTER, action: "reporter_reply", fromStatus: row.status, toStatus: next.status, note: answer });
        await announce(trx, { ref: row.ref, event: "reporter_reply" });
        return { ref: row.ref };
      });
    },

    async deleteReporterData(channel, address) {
      const pseudonym = reporterPseudonym(cipher, channel, address);
      const deleted = await db.kysely.transaction().execute(async (trx) => {
        const tips = await store.ofReporter(trx, pseudonym);
        const count = await store.deleteTips(trx, tips.map((t) => t.id));
        await trx.deleteFrom("notices").where("reporter_pseudonym", "=", pseudonym).execute();
        await trx.deleteFrom("sessions").where("reporter_pseudonym", "=", pseudonym).execute();
        for (const t of tips) await announce(trx, { ref: t.ref, event: "deleted" });
        return count;
      });
      logger?.info({ tips: deleted }, "reporter data deleted on request");
      return deleted;
    },

    async act(refInput, actorInput, actionInput, data = {}) {
      const input = parseOfficerInput({ ref: refInput, actor: actorInput, action: actionInput, ...data });
      if (input.action === "reporter_reply")
        throw new TipError("invalid_input", "reporter replies arrive from the reporter's channel, not from officers");
      const ref = normaliseRef(input.ref);
      const at = now();
      return db.kysely.transaction().execute(async (trx) => {
        const row = ref ? await store.findByRef(trx, ref, { lock: true }) : undefined;
        if (!row) throw new TipError("not_found", `no tip with reference ${input.ref}`);
        const next = planTransition({ ...input, status: row.status, assignee: row.assignee ?? undefined });
        const closing = next.status === "closed";
        await store.updateTip(trx, row.id, {
          status: next.status,
          assignee: next.assignee ?? null,
          updated_at: toDbTime(at),
          ...(closing ? { closed_at: toDbTime(at), outcome_enc: cipher.encrypt(input.outcome!) } : {}),
          ...(input.action === "reopen" ? { closed_at: null, outcome_enc: null } : {}),
          ...(next.officerResponse && !row.first_response_at ? { first_response_at: toDbTime(at) } : {}),
        });
        const note = [input.text, closing ? `outcome: ${input.outcome}` : undefined].filter(Boolean).join("\n") || undefined;
        await store.appendAudit(trx, row.id, { at, actor: input.actor, action: input.action, fromStatus: row.status, toStatus: next.status, note });
        await notifyReporter(trx, row, input.action, next.status, input.text);
        await announce(trx, { ref: row.ref, event: "updated" });
        const updated = await store.findByRef(trx, row.ref);
        return view(trx, updated!);
      });
    },

    async list(filter = {}) {
      const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
      const at = now();
      const search = filter.search?.trim().slice(0, 300);
      const rows = await store.select(db.kysely, {
        status: filter.status,
        kind: filter.kind,
        assignee: filter.assignee,
        limit,
        ...(filter.overdue ? { overdueAt: at } : {}),
        ...(search ? { match: searchKeys(search) } : {}),
      });
      return store.views(db.kysely, rows, at);
    },

    async show(refInput) {
      const ref = normaliseRef(refInput);
      const row = ref ? await store.findByRef(db.kysely, ref) : undefined;
      return row ? view(db.kysely, row) : undefined;
    },

    async sweepOverdue() {
      const at = now();
      const refs = await db.kysely.transaction().execute(async (trx) => {
        const rows = await store.newlyOverdue(trx, at);
        for (const row of rows) {
          await store.updateTip(trx, row.id, { overdue_notified_at: toDbTime(at) });
          await store.appendAudit(trx, row.id, { at, actor: SYSTEM, action: "overdue", fromStatus: row.status, toStatus: row.status });
          await announce(trx, { ref: row.ref, event: "overdue" }, `${SLACK_TIP_TOPIC}:overdue:${row.ref}`);
        }
        return rows.map((r) => r.ref);
      });
      if (refs.length) logger?.warn({ refs }, "tips past their response target");
      return refs;
    },

    async refsForReporter(channel, address) {
      return store.refsOfReporter(db.kysely, reporterPseudonym(cipher, channel, address));
    },
  };

  /** Officer questions and visible status changes go back to the reporter through their channel. */
  async function notifyReporter(trx: Kysely<any>, row: TipRow, action: OfficerAction, status: TipStatus, text?: string) {
    const base = { channel: row.reporter_channel, address: cipher.decrypt(row.reporter_address_enc), tipId: row.id };
    const lang = row.lang as Lang;
    if (action === "ask") await notices.enqueue({ ...base, notice: { ref: row.ref, lang, kind: "question", text: text! } }, trx);
    else if (status !== row.status) await notices.enqueue({ ...base, notice: { ref: row.ref, lang, kind: "status", text: "", status } }, trx);
  }

  /** A search term matches a reference, or any entity whose normalised value equals it. */
  function searchKeys(search: string) {
    const ref = normaliseRef(search);
    return {
      refs: ref ? [ref] : [],
      entities: ENTITY_TYPES.map((type) => ({ type, pseudonym: store.entityPseudonym({ type, value: normaliseEntityValue(type, search) }) })),
    };
  }
}
