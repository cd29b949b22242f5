/**
 * Scoring the checker on labelled offers (shared/eval/README.md): precision and recall of `high`, scams
 * rated `low`, legitimate offers rated `high`, and the recall and precision of the flags of `high` offers,
 * per flag and overall (legitimate offers are labelled with no flags, so flags raised on them are counted
 * apart rather than as wrong). A naive keyword baseline (a few obvious words per flag, no context) is scored the same way.
 */
import { z } from "zod";
import type { RiskLevel } from "../ports.js";
import { EVAL_FLAG_IDS, FLAG_IDS, type FlagId } from "./flags.js";

const offerSchema = z.object({
  id: z.string(),
  lang: z.string().optional(),
  text: z.string(),
  label: z.enum(["high", "low"]),
  flags: z.array(z.string()).default([]),
});
export type LabelledOffer = z.infer<typeof offerSchema>;

export interface OfferPrediction {
  id: string;
  risk: RiskLevel;
  flags: readonly string[];
}

export function parseOffers(jsonl: string): LabelledOffer[] {
  return jsonl
    .split("\n")
    .map((l, i) => ({ l: l.trim(), i }))
    .filter(({ l }) => l)
    .map(({ l, i }) => {
      const parsed = offerSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`);
      return parsed.data;
    });
}

export interface FlagScore {
  /** `high` offers labelled with the flag that the checker flagged too. */
  hits: number;
  /** `high` offers labelled with the flag. */
  total: number;
  /** `high` offers the checker flagged with it (the precision denominator). */
  raised: number;
  /** Legitimate offers the checker flagged with it. */
  raisedOnLegitimate: number;
}

export interface OfferScore {
  offers: number;
  high: { truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number };
  scamsRatedLow: string[];
  legitimateRatedHigh: string[];
  flagRecall: number;
  flagPrecision: number;
  perFlag: Record<string, FlagScore>;
  /** Offers whose high/not-high verdict was wrong. */
  misses: string[];
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);

export function scoreOffers(offers: readonly LabelledOffer[], predictions: readonly OfferPrediction[]): OfferScore {
  const byId = new Map(predictions.map((p) => [p.id, p]));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const scamsRatedLow: string[] = [];
  const legitimateRatedHigh: string[] = [];
  const misses: string[] = [];
  const perFlag: Record<string, FlagScore> = {};
  const flagScore = (flag: string) => (perFlag[flag] ??= { hits: 0, total: 0, raised: 0, raisedOnLegitimate: 0 });
  const labelled: ReadonlySet<string> = new Set(EVAL_FLAG_IDS);
  for (const offer of offers) {
    const p = byId.get(offer.id);
    if (!p) throw new Error(`no prediction for ${offer.id}`);
    // Extension flags are outside the labelled vocabulary: they can be neither right nor wrong here.
    const raised = p.flags.filter((f) => labelled.has(f));
    const saysHigh = p.risk === "high";
    if (saysHigh && offer.label === "high") tp++;
    else if (saysHigh) {
      fp++;
      legitimateRatedHigh.push(offer.id);
    } else if (offer.label === "high") fn++;
    if (saysHigh !== (offer.label === "high")) misses.push(offer.id);
    if (offer.label === "high" && p.risk === "low") scamsRatedLow.push(offer.id);
    if (offer.label !== "high") {
      for (const flag of raised) flagScore(flag).raisedOnLegitimate++;
      continue;
    }
    for (const flag of offer.flags) {
      const r = flagScore(flag);
      r.total++;
      if (p.flags.includes(flag)) r.hits++;
    }
    for (const flag of raised) flagScore(flag).raised++;
  }
  const sum = (key: keyof FlagScore) => Object.values(perFlag).reduce((a, r) => a + r[key], 0);
  const hits = sum("hits");
  return {
    offers: offers.length,
    high: { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) },
    scamsRatedLow,
    legitimateRatedHigh,
    flagRecall: ratio(hits, sum("total")),
    flagPrecision: ratio(hits, sum("raised")),
    perFlag,
    misses,
  };
}

/** The obvious words a naive filter would look for, per flag of the evaluation vocabulary. */
const BASELINE_KEYWORDS: Readonly<Partial<Record<FlagId, readonly string[]>>> = {
  unrealistic_salary: ["gaji besar", "gaji tinggi", "gaji gede", "high salary", "iphone"],
  no_skills_required: ["tanpa pengalaman", "no experience", "tidak perlu ijazah"],
  social_media_recruiter: ["whatsapp", " wa ", "telegram", "tiktok", "facebook", "instagram", " dm "],
  tourist_visa: ["visa turis", "visa kunjungan", "tourist visa", "visit visa", "visa-free", "bebas visa"],
  third_country_transit: ["transit", " via "],
  employer_pays_travel: ["tiket gratis", "free flight", "ditanggung", "gratis"],
  vague_job_or_employer: ["admin", "customer service", " cs ", "marketing", "operator", "data entry"],
  high_risk_destination: ["kamboja", "cambodia", "myanmar", "thailand", "laos", "filipina", "philippines", "vietnam"],
  unlicensed_recruiter: ["calo", "agen"],
  bypasses_official_process: ["jalur khusus", "tanpa"],
  upfront_payment: ["biaya", " dp ", "fee", "bayar", "transfer"],
  urgency_pressure: ["segera", "slot", "cepat", "urgent"],
  passport_retention: ["paspor dipegang", "paspor ditahan", "hold your passport"],
  secrecy_or_lying: ["rahasia", "jangan bilang", "private"],
  debt_or_penalty: ["potong gaji", "denda", "penalty"],
};
const BASELINE_HIGH_FLAGS = 3;

/** The naive keyword baseline: substring matches, high when three flags' words appear. */
export function keywordBaseline(text: string): { risk: RiskLevel; flags: FlagId[] } {
  const padded = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}-]+/gu, " ")} `;
  const flags = FLAG_IDS.filter((id) => BASELINE_KEYWORDS[id]?.some((k) => padded.includes(k)));
  const risk: RiskLevel = flags.length >= BASELINE_HIGH_FLAGS ? "high" : flags.length > 0 ? "medium" : "low";
  return { risk, flags };
}
