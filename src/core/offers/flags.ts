/**
 * The red-flag vocabulary (shared/eval/README.md, plus the extensions documented in docs/offer-flags.md),
 * the legitimate signals that lower the risk, and how much each weighs in the score.
 */
export const EVAL_FLAG_IDS = [
  "unrealistic_salary",
  "no_skills_required",
  "social_media_recruiter",
  "tourist_visa",
  "third_country_transit",
  "employer_pays_travel",
  "vague_job_or_employer",
  "high_risk_destination",
  "unlicensed_recruiter",
  "bypasses_official_process",
  "upfront_payment",
  "urgency_pressure",
  "passport_retention",
  "secrecy_or_lying",
  "debt_or_penalty",
] as const;
/** Tactics the evaluation vocabulary does not name (docs/offer-flags.md). */
const EXTENSION_FLAG_IDS = ["scam_or_gambling_work", "underage_recruitment"] as const;
export const FLAG_IDS = [...EVAL_FLAG_IDS, ...EXTENSION_FLAG_IDS] as const;
export type FlagId = (typeof FLAG_IDS)[number];

export const POSITIVE_IDS = [
  "licensed_agency",
  "official_channel",
  "government_programme",
  "work_visa",
  "contract_before_departure",
  "social_security",
  "pre_departure_orientation",
  "no_fee",
  "domestic_job",
  "office_interview",
  "verifiable_employer",
] as const;
export type PositiveId = (typeof POSITIVE_IDS)[number];

/** Points a flag adds to the score. Tactics that only occur on the illegal route weigh most. */
export const FLAG_WEIGHTS: Record<FlagId, number> = {
  high_risk_destination: 3,
  tourist_visa: 3,
  passport_retention: 3,
  secrecy_or_lying: 3,
  bypasses_official_process: 3,
  scam_or_gambling_work: 3,
  underage_recruitment: 3,
  upfront_payment: 2.5,
  unlicensed_recruiter: 2,
  third_country_transit: 2,
  debt_or_penalty: 2,
  unrealistic_salary: 2,
  no_skills_required: 1.5,
  employer_pays_travel: 1.5,
  social_media_recruiter: 1.5,
  urgency_pressure: 1.5,
  vague_job_or_employer: 1,
};

/**
 * Flags that break the law or the official process by themselves: one of them keeps an offer at
 * least at medium risk whatever legitimate signals it also shows, two make it high.
 */
export const SEVERE_FLAGS: ReadonlySet<FlagId> = new Set([
  "high_risk_destination",
  "tourist_visa",
  "passport_retention",
  "secrecy_or_lying",
  "bypasses_official_process",
  "scam_or_gambling_work",
  "underage_recruitment",
  "upfront_payment",
  "unlicensed_recruiter",
  "debt_or_penalty",
]);

/** Points a legitimate signal takes off the score. */
export const POSITIVE_WEIGHTS: Record<PositiveId, number> = {
  government_programme: 3,
  licensed_agency: 2,
  official_channel: 2,
  domestic_job: 2,
  work_visa: 1.5,
  contract_before_departure: 1.5,
  social_security: 1,
  pre_departure_orientation: 1,
  no_fee: 1,
  office_interview: 1,
  verifiable_employer: 1,
};

/** Score thresholds (after legitimate signals are taken off). */
export const HIGH_SCORE = 4.5;
export const MEDIUM_SCORE = 2;
