/**
 * An officer in Slack working a tip end to end: waits for the tip's triage message in the fake
 * Slack, clicks Claim (a signed block_actions request, sometimes delivered twice), submits an
 * "Ask reporter" modal (view_submission); the reporter then receives the question through their
 * own channel and answers, and the answer goes back to the tip. Retries like a person would when
 * a request fails, checking first whether the earlier attempt already took effect.
 */
import type { Kysely } from "kysely";
import { texts } from "../../src/i18n/index.js";
import { blockActionBody, signSlackRequest, viewSubmissionBody, type FakeSlackApi } from "../../test/fakes/slack-api.js";
import type { Balancer } from "./balancer.js";
import { runTurn, type TurnOptions } from "./scenarios.js";
import type { SoakUser } from "./users.js";

const SLACK_EVENTS_PATH = "/slack/events";
const LANGS = ["id", "en"] as const;

export interface OfficerContext {
  slack: FakeSlackApi;
  signingSecret: string;
  officerId: string;
  db: Kysely<any>;
  balancer: Balancer;
  /** How long to wait for the tip to reach Slack (covers a Slack outage). */
  postTimeoutMs: number;
}

export interface OfficerRecord {
  ref: string;
  question: string;
  /** The question as the reporter reads it (either language), to count how often it arrived. */
  noticeTexts: string[];
  answered: boolean;
}

function signed(secret: string, body: string) {
  const s = signSlackRequest(secret, body, "application/x-www-form-urlencoded");
  return { path: SLACK_EVENTS_PATH, body: s.body, headers: s.headers };
}

async function poll<T>(probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 200): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

async function auditCount(db: Kysely<any>, ref: string, action: string): Promise<number> {
  const row = await db
    .selectFrom("tip_audit")
    .innerJoin("tips", "tips.id", "tip_audit.tip_id")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("tips.ref", "=", ref)
    .where("tip_audit.action", "=", action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

let questionSeq = 1;

/** Claims the tip, asks the reporter a question and lets the reporter answer. */
export async function workTip(o: OfficerContext, reporter: SoakUser, ref: string, turn: TurnOptions): Promise<OfficerRecord | undefined> {
  const posted = await poll(async () => o.slack.withKey(`tip:${ref}`)[0], o.postTimeoutMs);
  if (!posted) return undefined;

  for (let click = 0; click < 5; click++) {
    const body = blockActionBody({
      userId: o.officerId, actionId: "tip_claim", value: ref, channel: posted.channel, messageTs: posted.ts,
      responseUrl: o.slack.responseUrl(`claim-${ref}-${click}`),
    });
    const sends = [o.balancer.deliver(signed(o.signingSecret, body))];
    if (turn.rng.chance(turn.duplicateProbability)) {
      turn.stats.duplicatesSent++;
      sends.push(o.balancer.deliver(signed(o.signingSecret, body)));
    }
    await Promise.all(sends);
    // Bolt acknowledges before acting: the officer sees the message change (here: the database).
    if (await poll(async () => ((await auditCount(o.db, ref, "claim")) > 0 ? true : undefined), 10_000)) break;
  }

  const question = `Soak question ${questionSeq++}: when did the recruiter last contact you?`;
  // The officer retries for a minute (a database outage makes the modal show an error meanwhile).
  const giveUpAt = Date.now() + 60_000;
  while (Date.now() < giveUpAt && (await auditCount(o.db, ref, "ask").catch(() => 0)) === 0) {
    const body = viewSubmissionBody({
      userId: o.officerId, callbackId: "tip_ask_modal", privateMetadata: JSON.stringify({ ref }),
      values: { question: { value: { type: "plain_text_input", value: question } } },
    });
    const res = await o.balancer.deliver(signed(o.signingSecret, body));
    if (res.ok && !res.responseText.includes("errors")) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }

  // The reporter's language is the one their report was written in, whatever the platform hinted.
  const inBoth = (f: (t: ReturnType<typeof texts>["reports"]) => string) => LANGS.map((l) => f(texts(l).reports));
  const noticeTexts = inBoth((t) => t.noticeQuestion(ref, question));
  const index = await reporter.log.waitFor((m) => noticeTexts.includes(m.text), o.postTimeoutMs);
  const record: OfficerRecord = { ref, question, noticeTexts, answered: false };
  if (index < 0) return record;
  reporter.log.cursor = Math.max(reporter.log.cursor, index + 1);
  const answer = await runTurn(
    reporter,
    { say: `Soak answer to ${ref}: last week, by phone`, expect: { oneOf: inBoth((t) => t.replyForwarded(ref)) } },
    "officer_reply",
    turn,
  );
  record.answered = answer !== undefined;
  return record;
}
