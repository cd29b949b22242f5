/**
 * Finds the red flags and legitimate signals of one offer: phrase rules (rules.ts) plus the flags whose
 * logic needs more than phrases: the salary level for the job and place, a missing verifiable employer,
 * the destination (and, for the Middle East, the kind of work), and the minimum age.
 */
import { destinationNames, extractEntities, type ExtractedEntities, type PlaceMention } from "./entities.js";
import type { FlagId, PositiveId } from "./flags.js";
import { BORDER_AREAS, BORDER_TOWNS, FOREIGN_PLACE_PHRASES, INDONESIAN_PLACES } from "./gazetteer.js";
import { OFFER_LEXICON } from "./lexicon.js";
import { addEvidence, compileCondition, compileRules, matchRule, OfferText, type CompiledRule, type Match } from "./matcher.js";
import { monthlyIdr, type MoneyMention } from "./money.js";
import { normalize, Speller, type NormalizedText } from "./normalize.js";
import {
  DOMESTIC_WORK, FLAG_RULES, GENERIC_JOB_PATTERNS, GENERIC_OPERATOR, NEGATIONS, POSITIVE_RULES, POSITIVE_UNLESS_AFTER,
  VAGUE_EMPLOYER_PATTERNS, type PhraseRule,
} from "./rules.js";
import { LEXICON } from "../text/lexicon.js";

/** Why a destination is flagged; picks the explanation. */
export type DestinationReason = "not_placement" | "scam_hotspot" | "border_area" | "middle_east_domestic";

export interface Finding {
  evidence: string[];
  /** For high_risk_destination: the reason and the countries named. */
  destination?: { reason: DestinationReason; countries: string[] };
}

export interface Detection {
  flags: Map<FlagId, Finding>;
  positives: Map<PositiveId, Finding>;
  extracted: ExtractedEntities;
  /** The places the offer sends people to (not those it only names: "bukan ke Kamboja", "bahasa Jepang"). */
  places: PlaceMention[];
  /** The text reads as a job offer (a job, pay, a contract…), not just any message. */
  offerLike: boolean;
  /** The job is abroad: a foreign place, or words such as "luar negeri", "overseas". */
  abroad: boolean;
}

// Rupiah per month above which pay is out of line: for a generic office job, for any job that asks
// for no skills, and for anything. F-61: Rp7-16 million offered for typing/admin jobs in scam compounds.
const GENERIC_JOB_CEILING = 7_000_000;
const DOMESTIC_GENERIC_CEILING = 15_000_000;
const NO_SKILLS_CEILING = 15_000_000;
/** Outside the high-wage destinations a job that asks for nothing pays about the minimum wage (Malaysia: Rp6 million). */
const NO_SKILLS_LOW_WAGE_CEILING = 10_000_000;
/** Where officials say there is no legal placement (or scams cluster), local pay is low: Rp15 million (about USD 1,000) is the lure. */
const HIGH_RISK_PLACE_CEILING = 15_000_000;
const ANY_JOB_CEILING = 40_000_000;
/** Legal wages in high-wage destinations (Japan, Korea, Taiwan…) are about twice as high. */
const HIGH_WAGE_FACTOR = 2;

const INDONESIAN_ADDRESS = [/\b(?:jl|jln|jalan)\.?\s+[\p{L}\d]/iu, /\brt\.?\s?\d+\s?\/\s?rw\.?\s?\d+/i];
const ADDRESS = [
  ...INDONESIAN_ADDRESS,
  /\balamat\b(?:\s+(?:kantor|lengkap|perusahaan))?\s*:?\s*[\p{L}\d]/iu,
  /\b(?:street|road|avenue|building|tower|gedung|ruko|blok|lantai|floor)\s+[\p{L}\d]/iu,
];
/** Flags that a real government programme never shows: with them, "G to G" is fake branding. */
const FAKE_PROGRAMME_SIGNS: readonly FlagId[] = ["upfront_payment", "bypasses_official_process", "tourist_visa", "unlicensed_recruiter"];
const UNDERAGE = [
  /\b(?:usia|umur|ages?|aged)\s*:?\s*(?:min(?:imal|imum)?\.?\s*)?(\d{1,2})\s*(?:-|–|s\/d|sampai|to|\+|th\b|thn|tahun|years?|keatas|ke atas)/giu,
  /\b(\d{1,2})\s*(?:th|thn|tahun|years?)(?:\s*old)?\b[^.\n]{0,20}\b(?:boleh|bisa|ok|welcome|diterima|can apply)/giu,
];
const ADULT_AGE = 18;
/** Chat and social-media links: recruiting through them is the social_media_recruiter tactic. */
const CHAT_LINK = /^(?:https?:\/\/)?(?:www\.)?(?:t\.me|wa\.me|chat\.whatsapp\.com|api\.whatsapp\.com|m\.me|ig\.me|fb\.me|line\.me|(?:[a-z]+\.)?(?:instagram|facebook|tiktok)\.com)\//i;
/** A mobile number as written, placeholders included ("0812-xxxx-xxxx", "08xx"). */
const MOBILE_NUMBER = /(?<![\d\p{L}])(?:\+?62|0)\s?8[\dx]{1,3}[-\s.]?[\dx]{2,4}(?:[-\s.]?[\dx]{2,5})?(?![\d\p{L}])/iu;
const LANGUAGE_WORDS = new Set(["bahasa", "berbahasa", "language"]);
const PLACE_TAKEN_BACK = compileCondition("(bukan|is not|tidak termasuk) ~2 (negara|placement|tujuan|destination)");

type Compiled<Id extends string> = CompiledRule<Id>[];

export class Detector {
  readonly #speller: Speller;
  readonly #flagRules: Compiled<FlagId>;
  readonly #positiveRules: Compiled<PositiveId>;
  readonly #generic: Compiled<"generic">;
  readonly #vagueEmployer: Compiled<"vague">;
  readonly #domesticWork: Compiled<"domestic_work">;
  readonly #borderAreas: Compiled<"border">;
  readonly #overseas: Compiled<"overseas">;
  readonly #minimumWage: Compiled<"minimum_wage">;
  readonly #jobWords: Compiled<"job">;
  readonly #arrival: Compiled<"arrival">;

  constructor() {
    const flagDefaults = { kind: "flag" } as const;
    this.#flagRules = compileRules(FLAG_RULES, flagDefaults);
    this.#positiveRules = compileRules(POSITIVE_RULES, { kind: "signal", unlessAfter: POSITIVE_UNLESS_AFTER });
    const single = <Id extends string>(id: Id, patterns: readonly string[], extra: Partial<PhraseRule<Id>> = {}) =>
      compileRules<Id>([{ id, patterns, ...extra }], flagDefaults);
    this.#generic = [
      ...single("generic", GENERIC_JOB_PATTERNS),
      ...single("generic", [GENERIC_OPERATOR.pattern], { unlessAfter: GENERIC_OPERATOR.unlessAfter }),
    ];
    this.#vagueEmployer = single("vague", VAGUE_EMPLOYER_PATTERNS, { negatable: false });
    this.#domesticWork = single("domestic_work", [`(${DOMESTIC_WORK})`]);
    this.#borderAreas = single("border", BORDER_AREAS);
    this.#overseas = single("overseas", ["(luar negeri|overseas|abroad|mancanegara|asia tenggara|southeast asia|visa|paspor|pmi|penempatan)"], { negatable: false, skipWarnings: false });
    this.#minimumWage = single("minimum_wage", ["(umk|umr|ump|upah minimum|minimum wage|upah minimum provinsi)"], { negatable: false });
    this.#jobWords = single("job", [
      "(lowongan|kerja|bekerja|pekerjaan|job|jobs|hiring|dibutuhkan|dicari|rekrut*|posisi|position|vacancy|gaji|penghasilan|berangkat|penempatan|kontrak|interview|wawancara|staff|staf|karyawan|pekerja|pay|wanted|needs|butuh)",
    ], { negatable: false, skipWarnings: false });
    this.#arrival = single("arrival", [
      "(fly|flies|flight|terbang|pesawat|mendarat|land|landing|tiba|arrive|collected|picked|met|dijemput|jemput|jemputan|pickup) (in|into|up)? ~3 (ke|to|di|in|at|dari|from) ({foreign})",
    ]);

    const allRules = [
      this.#flagRules, this.#positiveRules, this.#generic, this.#vagueEmployer, this.#domesticWork, this.#borderAreas,
      this.#overseas, this.#minimumWage, this.#jobWords, this.#arrival,
    ];
    const vocabulary = new Set<string>([
      ...allRules.flat().flatMap((r) => r.patterns.flatMap((p) => p.words)),
      ...Object.values({ ...LEXICON, ...OFFER_LEXICON }).flatMap((v) => v.split(" ")),
      ...[...FOREIGN_PLACE_PHRASES, ...INDONESIAN_PLACES].flatMap((p) => p.split(" ")),
    ]);
    this.#speller = new Speller(vocabulary);
  }

  normalize(text: string): NormalizedText {
    return normalize(text, this.#speller);
  }

  detect(text: string): Detection {
    const n = this.normalize(text);
    const t = new OfferText(n);
    const extracted = extractEntities(n);
    const flags = new Map<FlagId, Finding>();
    const positives = new Map<PositiveId, Finding>();
    const add = <Id extends string>(map: Map<Id, Finding>, id: Id, evidence: readonly string[]) => {
      const finding = map.get(id) ?? { evidence: [] };
      for (const e of evidence) addEvidence(finding.evidence, e);
      map.set(id, finding);
    };
    const hits = <Id extends string>(rules: Compiled<Id>): Match[] => rules.flatMap((r) => matchRule(t, r));

    for (const rule of this.#positiveRules) {
      const found = matchRule(t, rule);
      if (found.length) add(positives, rule.rule.id, found.map((m) => m.evidence));
    }
    const placesHere = extracted.places.filter((p) => !this.#placeIsNegated(t, p));
    extracted.entities.destinations = destinationNames(placesHere);
    const foreign = placesHere.filter((p) => p.country);
    const overseasWords = hits(this.#overseas).length > 0;
    const domestic =
      foreign.length === 0 &&
      !overseasWords &&
      (placesHere.length > 0 || hits(this.#minimumWage).length > 0 || INDONESIAN_ADDRESS.some((re) => re.test(text)));
    if (domestic) add(positives, "domestic_job", [...placesHere.map((p) => p.evidence), ...hits(this.#minimumWage).map((m) => m.evidence)]);
    const hasAddress = ADDRESS.some((re) => re.test(text));
    if (extracted.entities.companies.length > 0 && hasAddress) add(positives, "verifiable_employer", extracted.entities.companies);

    for (const rule of this.#flagRules) {
      if (rule.rule.suppressedBy?.some((p) => positives.has(p))) continue;
      const found = matchRule(t, rule);
      if (found.length) add(flags, rule.rule.id, found.map((m) => m.evidence));
    }

    const offerLike = hits(this.#jobWords).length > 0 || extracted.money.some((m) => m.kind === "salary");
    this.#destination(t, placesHere, flags);
    this.#onwardToBorder(t, placesHere, flags);
    const generic = hits(this.#generic);
    const vagueEmployer = hits(this.#vagueEmployer);
    // An unnamed "online/game/investment company" is as unspecific as a generic title when judging pay.
    this.#salary(extracted.money, generic.length + vagueEmployer.length > 0, flags, positives, placesHere);
    this.#vague([...generic, ...vagueEmployer], offerLike, hasAddress, extracted, flags, positives);
    this.#underage(text, flags);
    this.#chatContact(text, extracted, flags, positives);

    // A "work visa" arranged after arrival is the tourist-visa tactic, not a legitimate signal.
    if (flags.has("tourist_visa")) positives.delete("work_visa");
    return { flags, positives, extracted, places: placesHere, offerLike, abroad: foreign.length > 0 || overseasWords };
  }

  /** "bukan ke Kamboja", "Kamboja bukan negara penempatan", "bahasa Jepang": the place is named, not offered. */
  #placeIsNegated(t: OfferText, p: PlaceMention): boolean {
    if (LANGUAGE_WORDS.has(t.n.words[p.word - 1] ?? "")) return true;
    return t.negatedBefore(p.word, NEGATIONS) || PLACE_TAKEN_BACK.test(t.wordsAfter(p.word + p.phrase.split(" ").length - 1));
  }

  #destination(t: OfferText, places: readonly PlaceMention[], flags: Map<FlagId, Finding>): void {
    const inOffer = places.filter((p) => !t.isWarning(p.word));
    const pick = (reason: DestinationReason, found: readonly PlaceMention[], extra: readonly string[] = []) => {
      const evidence: string[] = [];
      for (const e of [...found.map((p) => p.evidence), ...extra]) addEvidence(evidence, e);
      flags.set("high_risk_destination", { evidence, destination: { reason, countries: [...new Set(found.map((p) => p.country!.name))] } });
    };
    const notPlacement = inOffer.filter((p) => p.country?.risk === "not_placement");
    const hotspot = inOffer.filter((p) => p.country?.risk === "scam_hotspot");
    const border = this.#borderAreas.flatMap((r) => matchRule(t, r));
    if (notPlacement.length) return pick("not_placement", notPlacement, border.map((m) => m.evidence));
    if (hotspot.length) return pick("scam_hotspot", hotspot, border.map((m) => m.evidence));
    if (border.length) {
      const evidence: string[] = [];
      for (const m of border) addEvidence(evidence, m.evidence);
      flags.set("high_risk_destination", { evidence, destination: { reason: "border_area", countries: [] } });
      return;
    }
    const middleEast = inOffer.filter((p) => p.country?.risk === "middle_east");
    const domesticWork = this.#domesticWork.flatMap((r) => matchRule(t, r));
    if (middleEast.length && domesticWork.length) pick("middle_east_domestic", middleEast, domesticWork.map((m) => m.evidence));
  }

  /**
   * Flown into one city to work in a border town ("fly to Bangkok … a call centre in Mae Sot"), or collected in a
   * border town to work in another country ("jemputan dari Mae Sot" for a job in Myanmar): the rest of the way
   * crosses land or a border.
   */
  #onwardToBorder(t: OfferText, places: readonly PlaceMention[], flags: Map<FlagId, Finding>): void {
    const borderTowns = places.filter((p) => BORDER_TOWNS.includes(p.phrase));
    if (!borderTowns.length) return;
    const within = (p: PlaceMention, a: Match) => p.word >= a.first && p.word <= a.last;
    const onward = this.#arrival.flatMap((r) => matchRule(t, r)).filter((a) => {
      const atBorder = borderTowns.filter((b) => within(b, a));
      if (!atBorder.length) return true;
      return places.some((p) => p.country && !within(p, a) && !atBorder.some((b) => b.country?.name === p.country!.name));
    });
    if (!onward.length) return;
    const finding = flags.get("third_country_transit") ?? { evidence: [] };
    for (const e of [...onward.map((a) => a.evidence), ...borderTowns.map((b) => b.evidence)]) addEvidence(finding.evidence, e);
    flags.set("third_country_transit", finding);
  }

  #salary(
    money: readonly MoneyMention[],
    genericJob: boolean,
    flags: Map<FlagId, Finding>,
    positives: Map<PositiveId, Finding>,
    places: readonly PlaceMention[],
  ): void {
    const highWage = places.some((p) => p.country?.risk === "high_wage") && !flags.has("high_risk_destination");
    const factor = highWage ? HIGH_WAGE_FACTOR : 1;
    const ceiling = genericJob
      ? (positives.has("domestic_job") ? DOMESTIC_GENERIC_CEILING : GENERIC_JOB_CEILING)
      : flags.has("no_skills_required") ? (highWage ? NO_SKILLS_CEILING : NO_SKILLS_LOW_WAGE_CEILING) : ANY_JOB_CEILING;
    const limit = flags.has("high_risk_destination") ? Math.min(ceiling, HIGH_RISK_PLACE_CEILING) : ceiling * factor;
    const tooHigh = money.filter((m) => m.kind === "salary" && monthlyIdr(m) >= limit);
    if (!tooHigh.length) return;
    const finding = flags.get("unrealistic_salary") ?? { evidence: [] };
    for (const m of tooHigh) addEvidence(finding.evidence, m.text);
    flags.set("unrealistic_salary", finding);
  }

  #vague(
    vague: readonly Match[],
    offerLike: boolean,
    hasAddress: boolean,
    extracted: ExtractedEntities,
    flags: Map<FlagId, Finding>,
    positives: Map<PositiveId, Finding>,
  ): void {
    const evidence: string[] = [];
    for (const m of vague) addEvidence(evidence, m.evidence);
    // README rule: verifiable means a company name AND an address; government programmes have no employer to name.
    const realProgramme = positives.has("government_programme") && !FAKE_PROGRAMME_SIGNS.some((f) => flags.has(f));
    const unverifiable = offerLike && !(extracted.entities.companies.length > 0 && hasAddress) && !realProgramme;
    if (!evidence.length && !unverifiable) return;
    if (!evidence.length) for (const c of extracted.entities.companies) addEvidence(evidence, c);
    flags.set("vague_job_or_employer", { evidence });
  }

  /**
   * A chat link, or a mobile number or an @handle (Instagram, Telegram, TikTok) as the only contact (no office,
   * no named employer with an address, no official channel), is recruitment through private chats.
   */
  #chatContact(text: string, extracted: ExtractedEntities, flags: Map<FlagId, Finding>, positives: Map<PositiveId, Finding>): void {
    const evidence = extracted.entities.links.filter((l) => CHAT_LINK.test(l));
    const reachableElsewhere = positives.has("office_interview") || positives.has("verifiable_employer") || positives.has("official_channel");
    const number = MOBILE_NUMBER.exec(text)?.[0];
    if (!reachableElsewhere) evidence.push(...(number ? [number.trim()] : []), ...extracted.entities.handles);
    if (!evidence.length) return;
    const finding = flags.get("social_media_recruiter") ?? { evidence: [] };
    for (const e of evidence) addEvidence(finding.evidence, e);
    flags.set("social_media_recruiter", finding);
  }

  #underage(text: string, flags: Map<FlagId, Finding>): void {
    const evidence: string[] = [];
    for (const re of UNDERAGE) {
      for (const m of text.matchAll(re)) {
        const age = Number(m[1]);
        if (age >= 10 && age < ADULT_AGE) addEvidence(evidence, m[0].trim());
      }
    }
    if (evidence.length) flags.set("underage_recruitment", { evidence });
  }
}
