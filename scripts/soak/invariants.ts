/**
 * The soak's verdict, read from the database itself (not from the instances' word): every tip a
 * reporter was told about exists exactly once, every tip is in Slack exactly once, nothing is left
 * in the outbox or notice queue, and no chat received more than the conversation asked for.
 */
import type { Kysely } from "kysely";
import { texts } from "../../src/i18n/index.js";
import { reporterPseudonym } from "../../src/storage/reporters.js";
import type { FieldCipher } from "../../src/storage/crypto.js";
import type { FakeSlackApi } from "../../test/fakes/slack-api.js";
import type { OfficerRecord } from "./officer.js";
import { REF_PATTERN, type TurnStats } from "./scenarios.js";
import type { ChatDirectory, SoakUser } from "./users.js";

export interface Reporter {
  user: SoakUser;
  /** The reference the reporter received, if the conversation got that far. */
  ref?: string;
}

export interface Verdict {
  tipsInDatabase: number;
  referencesReceived: number;
  /** A reporter was given a reference that is not in the database. */
  tipsLost: number;
  /** More than one tip from one report conversation. */
  duplicateTips: number;
  /** Tips whose reporter never received the reference. */
  reportersWithoutReference: number;
  tipsNotInSlack: number;
  /** Slack messages posted more than once for the same thing (triage message, alert, thread entry). */
  slackDuplicatePosts: number;
  slackOutboxBacklog: number;
  noticeBacklog: number;
  /** Officer actions applied more than once (claim / ask audit entries beyond one). */
  duplicateOfficerActions: number;
  /** Officer questions that never reached the reporter. */
  questionsNotDelivered: number;
  /** Officer questions and status notices a reporter received more than once. */
  noticesDeliveredTwice: number;
  /** Bot messages beyond what the conversations asked for, in chats where nothing was sent twice by the user. */
  updatesHandledTwice: number;
  /**
   * Replies received a second time, word for word, after their turn: a delivery processed again after
   * a crash (handled, not yet marked done) repeats its stored answer without acting again.
   */
  repliesRepeated: number;
  /** Late answers in chats where the user had re-sent a step after silence (not a double handling). */
  lateReplies: number;
  /** Stored updates still leased by a killed process when the run ended. */
  strandedUpdates: number;
  strandedLeaseUntil?: string;
  /** Inbox events claimed more than once (a retry or an expired lease). */
  inboxReclaims: number;
  failures: string[];
  /** What the failures were, for diagnosis (which chat, when relative to the start of the mixed load). */
  details: string[];
}

async function count(q: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }): Promise<number> {
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function checkInvariants(o: {
  /** Start of the mixed load: times in `details` are relative to it. */
  startedAt: number;
  db: Kysely<any>;
  cipher: FieldCipher;
  slack: FakeSlackApi;
  reporters: Reporter[];
  officer: OfficerRecord[];
  chats: ChatDirectory;
  stats: TurnStats;
}): Promise<Verdict> {
  const { db, cipher, slack } = o;
  const tips = await db.selectFrom("tips").select(["id", "ref", "reporter_pseudonym"]).execute();
  const refs = new Set(tips.map((t) => t.ref as string));
  const byPseudonym = new Map<string, number>();
  for (const t of tips) byPseudonym.set(t.reporter_pseudonym, (byPseudonym.get(t.reporter_pseudonym) ?? 0) + 1);

  const received = o.reporters.filter((r) => r.ref);
  const tipsLost = received.filter((r) => !refs.has(r.ref!)).length;
  const pseudonymOf = (r: Reporter) => reporterPseudonym(cipher, r.user.channel, r.user.address);
  const duplicateTips = o.reporters.reduce((n, r) => n + Math.max(0, (byPseudonym.get(pseudonymOf(r)) ?? 0) - 1), 0);
  const told = new Set(received.map(pseudonymOf));
  const reportersWithoutReference = tips.filter((t) => !told.has(t.reporter_pseudonym)).length;

  // Every message the fake Slack ever accepted, deleted or not, grouped by what it was posted for.
  const postsByKey = new Map<string, number>();
  for (const m of slack.messages) {
    const key = m.metadata?.event_payload?.key;
    if (typeof key === "string") postsByKey.set(key, (postsByKey.get(key) ?? 0) + 1);
  }
  const tipsNotInSlack = [...refs].filter((ref) => !postsByKey.has(`tip:${ref}`)).length;
  const slackDuplicatePosts = [...postsByKey.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);

  const slackOutboxBacklog = await count(
    db.selectFrom("outbox").select((eb) => eb.fn.countAll().as("n")).where("topic", "=", "slack.tip").where("done_at", "is", null),
  );
  const noticeBacklog = await count(db.selectFrom("notices").select((eb) => eb.fn.countAll().as("n")).where("done_at", "is", null));

  const audit = await db
    .selectFrom("tip_audit")
    .select(["tip_id", "action", (eb) => eb.fn.countAll().as("n")])
    .where("action", "in", ["claim", "ask", "reporter_reply"])
    .groupBy(["tip_id", "action"])
    .execute();
  const duplicateOfficerActions = audit.reduce((n, a) => n + Math.max(0, Number(a.n) - 1), 0);

  const reporterOf = new Map(o.reporters.filter((r) => r.ref).map((r) => [r.ref!, r.user]));
  const undelivered = o.officer.filter((rec) => !reporterOf.get(rec.ref)?.log.messages.some((m) => rec.noticeTexts.includes(m.text)));
  const questionsNotDelivered = undelivered.length;

  // What is left in a chat after its last turn: notices about the chat's own report are expected.
  let updatesHandledTwice = 0;
  let lateReplies = 0;
  let repliesRepeated = 0;
  let noticesDeliveredTwice = 0;
  const details: string[] = [];
  const at = (ms: number) => `+${((ms - o.startedAt) / 1000).toFixed(1)} s`;
  for (const [key, log] of o.chats.entries()) {
    const notices = log.messages.filter((m) => isNoticeAboutOwnReport(m.text, log.messages));
    const seen = new Map<string, number>();
    for (const m of notices) {
      const first = seen.get(m.text);
      if (first === undefined) seen.set(m.text, m.at);
      else {
        noticesDeliveredTwice++;
        details.push(`notice delivered twice in ${key}: at ${at(first)} and ${at(m.at)}`);
      }
    }
    const leftover = log.messages.slice(log.cursor).filter((m) => !isNoticeAboutOwnReport(m.text, log.messages));
    if (leftover.length === 0) continue;
    if (o.stats.resentChats.has(key)) {
      lateReplies += leftover.length;
      continue;
    }
    const answered = new Set(log.messages.slice(0, log.cursor).map((m) => m.text));
    const repeated = leftover.filter((m) => answered.has(m.text));
    repliesRepeated += repeated.length;
    if (repeated.length > 0) details.push(`${repeated.length} reply(ies) repeated in ${key} at ${repeated.map((m) => at(m.at)).join(", ")}`);
    const unexpected = leftover.filter((m) => !answered.has(m.text));
    if (unexpected.length === 0) continue;
    updatesHandledTwice += unexpected.length;
    details.push(`${unexpected.length} unexpected message(s) in ${key} at ${unexpected.map((m) => at(m.at)).join(", ")}`);
  }

  const stranded = await db
    .selectFrom("inbox")
    .select(["lease_until"])
    .where("done_at", "is", null)
    .execute();
  const inboxReclaims = await count(db.selectFrom("inbox").select((eb) => eb.fn.countAll().as("n")).where("attempts", ">", 1));
  const strandedLeaseUntil = stranded.map((s) => s.lease_until as string | null).filter(Boolean).sort().at(-1) ?? undefined;

  const verdict: Verdict = {
    tipsInDatabase: tips.length,
    referencesReceived: received.length,
    tipsLost,
    duplicateTips,
    reportersWithoutReference,
    tipsNotInSlack,
    slackDuplicatePosts,
    slackOutboxBacklog,
    noticeBacklog,
    duplicateOfficerActions,
    questionsNotDelivered,
    noticesDeliveredTwice,
    updatesHandledTwice,
    repliesRepeated,
    lateReplies,
    strandedUpdates: stranded.length,
    ...(strandedLeaseUntil ? { strandedLeaseUntil } : {}),
    inboxReclaims,
    failures: [],
    details,
  };
  const mustBeZero: (keyof Verdict)[] = [
    "tipsLost", "duplicateTips", "reportersWithoutReference", "tipsNotInSlack", "slackDuplicatePosts",
    "slackOutboxBacklog", "noticeBacklog", "duplicateOfficerActions", "questionsNotDelivered", "noticesDeliveredTwice",
    "updatesHandledTwice",
  ];
  for (const k of mustBeZero) if (verdict[k] !== 0) verdict.failures.push(`${k} = ${String(verdict[k])} (must be 0)`);
  if (o.stats.unacknowledged > 0) verdict.failures.push(`${o.stats.unacknowledged} deliveries were never acknowledged`);
  if (o.stats.abandoned > 0) verdict.failures.push(`${o.stats.abandoned} conversation steps got no answer after every retry`);
  const unfinished = o.stats.started - o.stats.finished;
  if (unfinished > 0) verdict.failures.push(`${unfinished} conversations were still waiting for answers when the run ended`);
  for (const s of o.stats.silences.slice(0, 20)) details.push(`silence (step sent again): ${s.chat} ${s.step} at ${at(s.at)}`);
  for (const rec of undelivered) {
    const asks = audit.filter((x) => x.action === "ask" && tips.find((t) => t.ref === rec.ref)?.id === x.tip_id).reduce((n, x) => n + Number(x.n), 0);
    const notices = await db.selectFrom("notices").innerJoin("tips", "tips.id", "notices.tip_id").select(["notices.done_at", "notices.attempts", "notices.last_error"]).where("tips.ref", "=", rec.ref).execute();
    details.push(`question for ${rec.ref} never reached the reporter: ${asks} ask(s) recorded, notices ${JSON.stringify(notices)}`);
  }
  const pseudonymToChat = new Map(o.reporters.map((r) => [pseudonymOf(r), r]));
  for (const t of tips.filter((t) => !told.has(t.reporter_pseudonym))) {
    const r = pseudonymToChat.get(t.reporter_pseudonym);
    details.push(`tip ${t.ref} without a reference for its reporter: ${r ? `${r.user.channel}:${r.user.address}, last messages: ${r.user.log.messages.slice(-3).map((m) => `${at(m.at)} ${JSON.stringify(m.text.slice(0, 60))}`).join(" | ")}` : "unknown reporter"}`);
  }
  return verdict;
}

/** A status notice or officer question about a report filed from this chat (the reference was handed out here first). */
function isNoticeAboutOwnReport(text: string, all: { text: string }[]): boolean {
  const ref = REF_PATTERN.exec(text)?.[0];
  if (!ref || !all.some((m) => m.text !== text && m.text.includes(ref))) return false;
  const prefixOf = (template: string) => template.split(MARK)[0]!;
  return (["id", "en"] as const).some((l) => {
    const t = texts(l).reports;
    return text.startsWith(prefixOf(t.noticeQuestion(ref, MARK))) || text.startsWith(prefixOf(t.noticeStatus(ref, MARK)));
  });
}

const MARK = "\u0000";
