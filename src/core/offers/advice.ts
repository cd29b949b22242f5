/**
 * The advice under a check: what to do now for this risk level, how to verify the company, what the legal
 * route requires, and how to report the recruiter. Only the lines that apply to this offer.
 */
import type { Lang, } from "../messages.js";
import type { RiskLevel } from "../ports.js";
import { texts } from "../../i18n/index.js";
import type { FlagId } from "./flags.js";

export interface AdviceInput {
  risk: RiskLevel;
  flags: ReadonlySet<FlagId>;
  /** Countries the offer names (English names, as in entities). */
  countries: ReadonlySet<string>;
  /** The job is abroad (any foreign place named). */
  abroad: boolean;
}

export function buildAdvice(input: AdviceInput, lang: Lang): string {
  const t = texts(lang).offers.advice;
  const lines: string[] = [t[input.risk], t.verify];
  if (input.countries.has("Cambodia")) lines.push(t.cambodia);
  if (input.risk !== "low" || input.abroad) lines.push(t.legalRoute);
  if (input.flags.has("upfront_payment") || input.flags.has("debt_or_penalty")) lines.push(t.zeroCost);
  if (input.risk !== "low") lines.push(t.report);
  return lines.join("\n");
}
