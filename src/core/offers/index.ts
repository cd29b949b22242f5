/**
 * The job-offer red-flag checker (OfferChecker port): flags with evidence and a one-sentence explanation,
 * legitimate signals, entities, licensed-agency matches, a risk level and the advice that follows.
 * Channel-agnostic and fast (no I/O except the agency registry, cached in memory).
 */
import type { Lang } from "../messages.js";
import { MAX_INBOUND_TEXT } from "../messages.js";
import type { AgencyMatch, OfferCheck, OfferChecker, OfferFlag } from "../ports.js";
import { detectLanguage } from "../text/language.js";
import { texts } from "../../i18n/index.js";
import { buildAdvice } from "./advice.js";
import { AgencyMatcher, type AgencyRegistry } from "./agencies.js";
import { Detector, type Detection, type Finding } from "./detect.js";
import { FLAG_IDS, FLAG_WEIGHTS, POSITIVE_IDS, type FlagId } from "./flags.js";
import { looksLikeOffer } from "./looks-like-offer.js";
import { agencyQuery } from "./agency-query.js";
import { scoreOffer } from "./scoring.js";

export type { AgencyRecord, AgencyRegistry } from "./agencies.js";
export { InMemoryAgencyRegistry } from "./agencies.js";

/** Companies looked up per offer: a forwarded text rarely names more, a crafted one must not fan out. */
const MAX_AGENCY_LOOKUPS = 5;
const PLACEHOLDER = /\[[^\]]*\]/;

export interface OfferCheckerService extends OfferChecker {
  checkAgency(name: string): Promise<AgencyMatch>;
  agencyQuery(text: string): string | undefined;
}

export function createOfferChecker(opts: { agencies?: AgencyRegistry } = {}): OfferCheckerService {
  const detector = new Detector();
  const matcher = new AgencyMatcher(opts.agencies);

  async function matchAgencies(detection: Detection): Promise<AgencyMatch[]> {
    const names = detection.extracted.entities.companies.filter((c) => !PLACEHOLDER.test(c)).slice(0, MAX_AGENCY_LOOKUPS);
    return Promise.all(names.map((name) => matcher.match(name)));
  }

  return {
    async check(text: string, checkOpts: { lang?: Lang } = {}): Promise<OfferCheck> {
      const input = text.slice(0, MAX_INBOUND_TEXT);
      const lang = checkOpts.lang ?? detectLanguage(input);
      const t = texts(lang).offers;
      const detection = detector.detect(input);
      const agencies = await matchAgencies(detection);
      const notes = applyAgencies(detection, agencies, lang);

      const { risk, score } = scoreOffer(detection.flags.keys(), detection.positives.keys(), {
        abroadUnverified: detection.abroad && detection.offerLike,
      });
      const flags: OfferFlag[] = bySeverity(FLAG_IDS.filter((id) => detection.flags.has(id))).map((id) => {
        const finding = detection.flags.get(id)!;
        return { id, evidence: finding.evidence, explanation: notes.get(id) ?? flagExplanation(id, finding, lang) };
      });
      const positives: OfferFlag[] = POSITIVE_IDS.filter((id) => detection.positives.has(id)).map((id) => ({
        id,
        evidence: detection.positives.get(id)!.evidence,
        explanation: notes.get(id) ?? t.positives[id],
      }));
      const countries = new Set(detection.places.flatMap((p) => (p.country ? [p.country.name] : [])));
      const advice = buildAdvice(
        { risk, flags: new Set(detection.flags.keys()), countries, abroad: countries.size > 0 },
        lang,
      );
      return { risk, score, flags, positives, entities: detection.extracted.entities, agencies, advice, lang };
    },

    looksLikeOffer(text: string): boolean {
      return looksLikeOffer(detector.normalize(text.slice(0, MAX_INBOUND_TEXT)));
    },

    checkAgency(name: string): Promise<AgencyMatch> {
      return matcher.match(name.trim().slice(0, 200));
    },

    agencyQuery(text: string): string | undefined {
      return agencyQuery(text);
    },
  };
}

/** Most serious first, so a reader who stops after two lines has seen what matters. */
const bySeverity = (ids: FlagId[]): FlagId[] => [...ids].sort((a, b) => FLAG_WEIGHTS[b] - FLAG_WEIGHTS[a]);

function flagExplanation(id: FlagId, finding: Finding, lang: Lang): string {
  const t = texts(lang).offers;
  if (id !== "high_risk_destination") return t.flags[id];
  const d = finding.destination!; // detect.ts always says why a destination is flagged
  const countries = d.countries.map((c) => t.countries[c] ?? c);
  return d.reason === "border_area" ? t.destination.border_area : t.destination[d.reason](countries);
}

/**
 * What the registry says changes the findings: a revoked licence is an unlicensed recruiter, a licence
 * on record is a legitimate signal, and a claimed licence the loaded registry does not confirm is dropped.
 * Returns explanations that replace the generic ones.
 */
function applyAgencies(detection: Detection, agencies: readonly AgencyMatch[], lang: Lang): Map<string, string> {
  const t = texts(lang).offers.agency;
  const notes = new Map<string, string>();
  const licensed = agencies.filter((a) => a.status === "licensed");
  const revoked = agencies.filter((a) => a.status === "revoked_or_expired");
  if (revoked.length) {
    const finding = detection.flags.get("unlicensed_recruiter") ?? { evidence: [] };
    for (const a of revoked) finding.evidence.push(a.query ?? a.name);
    detection.flags.set("unlicensed_recruiter", finding);
    notes.set("unlicensed_recruiter", revoked.map((a) => t.revoked_or_expired(a.name)).join(" "));
  }
  if (licensed.length) {
    const finding = detection.positives.get("licensed_agency") ?? { evidence: [] };
    for (const a of licensed) finding.evidence.push(a.query ?? a.name);
    detection.positives.set("licensed_agency", finding);
    notes.set("licensed_agency", licensed.map((a) => t.licensed(a.name, a.licence ?? "")).join(" "));
  } else if (agencies.some((a) => a.status === "not_found" || a.status === "revoked_or_expired")) {
    detection.positives.delete("licensed_agency");
  }
  return notes;
}
