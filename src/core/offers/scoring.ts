/**
 * From flags and legitimate signals to a score and a risk level. The score is the flags' weight minus the
 * signals' weight (never below 0). Severe flags (illegal on their own: tourist visa, fee, passport held…)
 * keep an offer at medium at least, whatever signals it also shows, and two of them make it high: fake
 * "official" branding must not talk a tourist-visa offer down. A job abroad that shows no sign of the
 * legal route at all is never rated low either: it has to be checked before anyone goes.
 */
import type { RiskLevel } from "../ports.js";
import {
  FLAG_WEIGHTS, HIGH_SCORE, MEDIUM_SCORE, POSITIVE_WEIGHTS, SEVERE_FLAGS, type FlagId, type PositiveId,
} from "./flags.js";

export interface Score {
  risk: RiskLevel;
  score: number;
}

export function scoreOffer(flags: Iterable<FlagId>, positives: Iterable<PositiveId>, opts: { abroadUnverified?: boolean } = {}): Score {
  let raw = 0;
  let severe = 0;
  for (const f of flags) {
    raw += FLAG_WEIGHTS[f];
    if (SEVERE_FLAGS.has(f)) severe++;
  }
  let relief = 0;
  for (const p of positives) relief += POSITIVE_WEIGHTS[p];
  const score = Math.max(0, Math.round((raw - relief) * 10) / 10);
  const risk: RiskLevel =
    score >= HIGH_SCORE || (severe >= 2 && score >= MEDIUM_SCORE)
      ? "high"
      : score >= MEDIUM_SCORE || severe >= 1 || (opts.abroadUnverified && relief === 0 && raw > 0)
        ? "medium"
        : "low";
  return { risk, score };
}
