/**
 * How an offer check reads in chat, and how a checked offer prefills a recruiter report
 * ("report this recruiter" in one tap, with the phones, handles, links and companies found).
 */
import type { Lang, OutboundMessage, ReplyOption } from "../messages.js";
import type { AgencyMatch, OfferCheck, OfferEntities, OfferFlag } from "../ports.js";
import type { OfferEntitiesPrefill } from "../reports/schemas.js";
import { texts } from "../../i18n/index.js";
import type { LastOffer } from "./session.js";

export const OFFER_ACTIONS = { report: "offer:report", checkAnother: "menu:cek" } as const;

const MAX_EVIDENCE = 2;
const MAX_EVIDENCE_CHARS = 60;
const MAX_OFFER_CHARS = 4000;
const MAX_ENTITIES_PER_TYPE = 20;

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function flagLines(flags: OfferFlag[], lang: Lang): string[] {
  const t = texts(lang).common;
  return flags.map((f) => {
    const evidence = f.evidence.slice(0, MAX_EVIDENCE).map((e) => clip(e, MAX_EVIDENCE_CHARS)).join('", "');
    return `• ${f.explanation}${evidence ? ` ${t.offerEvidence(evidence)}` : ""}`;
  });
}

export function renderOfferCheck(check: OfferCheck, lang: Lang): OutboundMessage {
  const t = texts(lang).common;
  const lines = [t.offerRisk[check.risk]];
  if (check.flags.length > 0) lines.push("", t.offerFlagsTitle, ...flagLines(check.flags, lang));
  if (check.positives.length > 0) lines.push("", t.offerPositivesTitle, ...flagLines(check.positives, lang));
  // Licensed and revoked agencies are already explained by a flag or a good sign.
  const notFound = check.agencies.filter((a) => a.status === "not_found");
  const unchecked = check.agencies.some((a) => a.status === "no_registry");
  if (notFound.length > 0 || unchecked) {
    lines.push("", ...notFound.map((a) => texts(lang).offers.agency.not_found(a.name)));
    if (unchecked) lines.push(texts(lang).offers.agency.no_registry);
  }
  const e = check.entities;
  const found = [...e.phones, ...e.handles, ...e.links];
  if (found.length > 0) lines.push("", t.offerFound(found.join(", ")));
  if (check.advice.trim()) lines.push("", check.advice.trim());
  const options: ReplyOption[] = [{ id: OFFER_ACTIONS.checkAnother, label: t.offerCheckAnother }];
  if (check.risk !== "low") options.unshift({ id: OFFER_ACTIONS.report, label: t.offerReport });
  return { text: lines.join("\n"), options, urgent: check.risk === "high" };
}

/** The registry's answer to "is this company licensed?". */
export function renderAgencyMatch(match: AgencyMatch, lang: Lang): OutboundMessage {
  const t = texts(lang).offers.agency;
  switch (match.status) {
    case "licensed":
      return { text: t.licensed(match.name, match.licence ?? "") };
    case "no_registry":
      return { text: t.no_registry };
    default:
      return { text: t[match.status](match.name) };
  }
}

function prefillEntities(e: OfferEntities): OfferEntitiesPrefill {
  const take = (values: string[], max: number) => values.slice(0, MAX_ENTITIES_PER_TYPE).map((v) => clip(v, max));
  return {
    phones: take(e.phones, 40),
    handles: take(e.handles, 100),
    links: take(e.links, 500),
    companies: take(e.companies, 200),
    destinations: take(e.destinations, 100),
  };
}

export function rememberOffer(text: string, check: OfferCheck): LastOffer {
  return {
    text: clip(text.trim(), MAX_OFFER_CHARS),
    risk: check.risk,
    flags: check.flags.map((f) => f.id).slice(0, 50),
    entities: prefillEntities(check.entities),
  };
}

/** Answers of a recruiter report that the checked offer already gives. */
export function recruiterPrefill(offer: LastOffer): Record<string, unknown> {
  const e = offer.entities;
  const contact = clip([...e.phones, ...e.handles, ...e.links].join(", "), 300);
  return {
    offerText: offer.text,
    offerRisk: offer.risk,
    offerFlags: offer.flags,
    offerEntities: e,
    ...(contact ? { recruiterContact: contact } : {}),
    ...(e.companies[0] ? { recruiterName: e.companies[0] } : {}),
  };
}
