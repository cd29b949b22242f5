/**
 * What the virtual users do: ask questions, check job offers, file full reports (two kinds), each
 * as a sequence of steps. A step is sent, then the user waits for the message that ends the bot's
 * turn (an answer; a message with choices; the reference). An apology ("try again") or silence past
 * the turn timeout makes the user send the step again, as a person would.
 */
import type { Lang } from "../../src/core/messages.js";
import { pickAction } from "../../src/core/reports/answers.js";
import { ACTIONS } from "../../src/core/reports/flow.js";
import { RECRUITER_CONTACT_METHODS } from "../../src/core/reports/schemas.js";
import type { Balancer } from "./balancer.js";
import type { Rng } from "./rng.js";
import { RATE_LIMIT_TEXTS, RETRY_TEXTS, type Received, type SoakUser } from "./users.js";

/** What ends the bot's turn: any message, one with choices, one with a reference, or one of these texts. */
export type Expect = "text" | "options" | "ref" | { oneOf: string[] };
export interface Step {
  say?: string;
  tap?: string;
  expect: Expect;
}
export type ScenarioName = "question" | "offer" | "report_other" | "report_recruiter";

const QUESTIONS: Record<Lang, string[]> = {
  id: [
    "apa saja syarat kerja ke luar negeri secara resmi?",
    "berapa biaya penempatan kerja ke taiwan",
    "gimana cara cek agen penyalur resmi atau bukan",
    "apa itu bpjs ketenagakerjaan untuk pekerja migran",
    "dokumen apa yang harus disiapkan sebelum berangkat",
    "bagaimana cara melapor ke bp2mi",
  ],
  en: [
    "what documents do I need to work abroad legally?",
    "how much are the placement fees for Taiwan",
    "how can I check if a recruitment agency is licensed",
    "what is the legal route to work in Malaysia",
    "what is BPJS for migrant workers",
    "where can I get help as a migrant worker",
  ],
};

const OFFERS: Record<Lang, string[]> = {
  id: [
    "Lowongan kerja di Kamboja, gaji 15 juta per bulan, tanpa pengalaman, tanpa ijazah. Berangkat minggu depan pakai visa turis. Biaya admin Rp 5.000.000 transfer ke rekening pribadi. Hub 0812-3456-7890",
    "Dicari admin online di Myanmar, gaji USD 1500, tiket dan hotel ditanggung, paspor nanti dipegang perusahaan. WA 0813-2222-3333",
  ],
  en: [
    "Job offer: customer service in Cambodia, salary USD 2000/month, no experience needed, leave next week on a tourist visa, pay processing fee IDR 4,000,000 to our agent. WhatsApp +62 812 9999 1111",
  ],
};

export const SCENARIOS: Record<ScenarioName, (lang: Lang, rng: Rng) => Step[]> = {
  question: (lang, rng) =>
    rng.sample(QUESTIONS[lang], 3).map((say) => ({ say, expect: "text" as const })),
  offer: (lang, rng) => [{ say: `/cek ${rng.pick(OFFERS[lang])}`, expect: "options" }],
  report_other: (lang, rng) => [
    { say: "/lapor", expect: "options" },
    { tap: ACTIONS.report("other"), expect: "options" },
    { tap: ACTIONS.consentYes, expect: "options" },
    {
      say: lang === "id"
        ? `Ada sponsor di desa kami yang mengumpulkan KTP warga untuk kerja ke luar negeri, kode ${rng.token()}`
        : `A sponsor in our village collects ID cards from people for jobs abroad, code ${rng.token()}`,
      expect: "options",
    },
    { tap: ACTIONS.skip, expect: "options" },
    { tap: ACTIONS.send, expect: "ref" },
  ],
  report_recruiter: (lang, rng) => [
    { say: "/lapor", expect: "options" },
    { tap: ACTIONS.report("recruiter"), expect: "options" },
    { tap: ACTIONS.consentYes, expect: "options" },
    { say: rng.pick(OFFERS[lang]), expect: "options" },
    { say: `Pak Budi ${rng.token()}`, expect: "options" },
    { say: `0812${rng.digits(8)}`, expect: "options" },
    { tap: pickAction("howContacted", RECRUITER_CONTACT_METHODS[0]), expect: "options" },
    { tap: ACTIONS.skip, expect: "options" },
    { tap: ACTIONS.send, expect: "ref" },
  ],
};

export const REF_PATTERN = /LTR-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}/;

export interface TurnRecord {
  scenario: ScenarioName | "officer_reply";
  channel: SoakUser["channel"];
  startedAt: number;
  latencyMs: number;
}

/** Counters shared by every conversation of a run. */
export class TurnStats {
  turns: TurnRecord[] = [];
  /** Steps sent again after an apology. */
  apologies = 0;
  /** Steps sent again after no answer within the turn timeout. */
  timeouts = 0;
  rateLimited = 0;
  /** Deliveries that were never acknowledged (the balancer gave up). */
  unacknowledged = 0;
  /** Steps given up after every retry. */
  abandoned = 0;
  duplicatesSent = 0;
  /** Chats in which a step was sent again after silence: a late answer there is not a double handling. */
  readonly resentChats = new Set<string>();
  /** Which steps met silence, and when (for the report). */
  readonly silences: { chat: string; step: string; at: number }[] = [];
  /** Reporters who did not get their reference after sending the report and found it with /status. */
  referencesFoundWithStatus = 0;
  /** Conversations running / finished (a conversation still running at the end never got its answers). */
  started = 0;
  finished = 0;
}

export interface TurnOptions {
  balancer: Balancer;
  stats: TurnStats;
  rng: Rng;
  turnTimeoutMs: number;
  duplicateProbability: number;
  maxTries?: number;
}

function ends(expect: Expect): (m: Received) => boolean {
  return (m) =>
    RETRY_TEXTS.has(m.text) || RATE_LIMIT_TEXTS.has(m.text) ||
    (typeof expect === "object" ? expect.oneOf.includes(m.text)
      // A menu instead of the reference: the report was sent, but its answer was lost (see runScenario).
      : expect === "text" ? true : expect === "options" ? m.options : REF_PATTERN.test(m.text) || m.options);
}

/** Sends one step until the bot's turn ends with a real answer; returns that answer (undefined if abandoned). */
export async function runTurn(user: SoakUser, step: Step, scenario: TurnRecord["scenario"], o: TurnOptions): Promise<Received | undefined> {
  const { stats, balancer, rng } = o;
  for (let attempt = 1; attempt <= (o.maxTries ?? 4); attempt++) {
    const delivery = step.say !== undefined ? user.text(step.say) : user.action(step.tap!);
    const startedAt = Date.now();
    const sends = [balancer.deliver(delivery)];
    if (rng.chance(o.duplicateProbability)) {
      stats.duplicatesSent++;
      // The platform redelivers: sometimes while the first is still in flight, sometimes after it was acknowledged.
      sends.push(rng.chance(0.5) ? balancer.deliver(delivery) : sends[0]!.then(() => balancer.deliver(delivery)));
    }
    const acks = await Promise.all(sends);
    if (!acks[0]!.ok) {
      stats.unacknowledged++;
      continue;
    }
    const index = await user.log.waitFor(ends(step.expect), o.turnTimeoutMs);
    if (index < 0) {
      stats.timeouts++;
      stats.resentChats.add(`${user.channel}:${user.address}`);
      stats.silences.push({ chat: `${user.channel}:${user.address}`, step: `${scenario}: ${(step.say ?? step.tap ?? "").slice(0, 24)}`, at: startedAt });
      continue;
    }
    const reply = user.log.messages[index]!;
    user.log.cursor = index + 1;
    if (RETRY_TEXTS.has(reply.text) || RATE_LIMIT_TEXTS.has(reply.text)) {
      if (RATE_LIMIT_TEXTS.has(reply.text)) stats.rateLimited++;
      else stats.apologies++;
      await new Promise((r) => setTimeout(r, 500 + rng.int(1000)));
      continue;
    }
    stats.turns.push({ scenario, channel: user.channel, startedAt, latencyMs: reply.at - startedAt });
    return reply;
  }
  stats.abandoned++;
  return undefined;
}

/** Runs a whole scenario; for reports, resolves with the reference the reporter received. */
export async function runScenario(user: SoakUser, name: ScenarioName, o: TurnOptions): Promise<{ completed: boolean; ref?: string }> {
  o.stats.started++;
  try {
    let last: Received | undefined;
    const steps = SCENARIOS[name](user.lang, o.rng);
    for (const step of steps) {
      last = await runTurn(user, step, name, o);
      if (!last) return { completed: false };
    }
    if (steps.at(-1)!.expect !== "ref") return { completed: true };
    let ref = REF_PATTERN.exec(last?.text ?? "")?.[0];
    if (!ref) {
      // "Send" was handled but its answer never came (the instance died after committing), and sending it
      // again found the report already gone: the reporter asks for their reports, as the bot suggests.
      const status = await runTurn(user, { say: "/status", expect: "ref" }, name, o);
      ref = REF_PATTERN.exec(status?.text ?? "")?.[0];
      if (ref) o.stats.referencesFoundWithStatus++;
    }
    return { completed: true, ...(ref ? { ref } : {}) };
  } finally {
    o.stats.finished++;
  }
}
