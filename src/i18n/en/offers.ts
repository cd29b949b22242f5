/**
 * English user-facing text: offers (job-offer checker). The Indonesian file i18n/id/offers.ts must provide the same keys.
 * Every fact comes from shared/facts/fact-sheet.md; the fact ids are noted next to the sentence.
 */
const list = (items: readonly string[]) => items.join(", ");

export const offers = {
  /** One sentence per red flag: why it matters. */
  flags: {
    // F-60, F-62 (Kemlu: customer service / marketing at about USD 1,000-1,200).
    unrealistic_salary:
      "Scam recruiters lure people with very high pay for simple work, for example about USD 1,000–1,200 a month for “customer service” or “marketing” (Foreign Ministry).",
    // F-39, F-61.
    no_skills_required:
      "The Foreign Ministry warns about jobs abroad that ask for no qualifications; scam companies ask only for typing speed and a passport.",
    // F-64.
    social_media_recruiter:
      "Scam recruiters work through social media and private chats (WhatsApp, Telegram, TikTok, Facebook) instead of an office you can visit.",
    // F-13, F-39, F-41.
    tourist_visa:
      "Working abroad needs a work visa: going to work on a tourist, visit or pilgrimage visa is non-procedural, and immigration officers may stop your departure.",
    // F-40, F-52.
    third_country_transit:
      "A route through another country or over a land border hides where you are really going: many were taken to Cambodia via Singapore or the Philippines, and Myawaddy in Myanmar lies on the Thai border.",
    // F-63.
    employer_pays_travel: "Free tickets and accommodation are a common lure of fake companies (Indonesian embassy in Phnom Penh).",
    // F-61, F-62; README labelling rule.
    vague_job_or_employer:
      "There is no company name and address you can check, or only a vague job title such as “admin” or “customer service”, as in scam ads.",
    // F-19, F-34.
    unlicensed_recruiter:
      "Only a licensed placement company (P3MI with a SIP3MI licence) may recruit migrant workers; an individual placing workers commits a crime (UU 18/2017, Articles 69 and 81).",
    // F-31, F-36, F-101.
    bypasses_official_process:
      "Skipping Disnaker/LTSA, the contract, BPJS, the pre-departure orientation or immigration checks leaves you without the protection of the legal route; leaving without immigration inspection is itself an offence.",
    // F-18.
    upfront_payment:
      "A migrant worker may not be charged placement costs (UU 18/2017, Article 30), so a recruiter asking for a fee or deposit is a warning sign.",
    // F-64.
    urgency_pressure: "Tight deadlines are a scam tactic to stop you from checking the offer.",
    // F-64, F-65.
    passport_retention: "Your passport must stay with you: scam companies take workers' passports so they cannot leave.",
    // F-66, F-67.
    secrecy_or_lying:
      "Being told to hide the plan from your family or to lie to immigration is a sign of an illegal departure; the Foreign Ministry says recruiters ask people to give untrue data.",
    // F-90, F-18.
    debt_or_penalty:
      "Deducting recruitment costs from your salary or fining you for leaving can trap you in debt bondage, one of the means of trafficking in UU 21/2007.",
    // F-111, F-64.
    scam_or_gambling_work:
      "Indonesians sent to such jobs end up in online gambling or scam operations, forced to cheat other people.",
    // F-11.
    underage_recruitment: "A migrant worker must be at least 18 years old (UU 18/2017, Article 5).",
  },
  /** high_risk_destination, by the reason the place is risky. */
  destination: {
    // F-50, F-51.
    not_placement: (countries: readonly string[]) =>
      `The government has no placement cooperation with ${list(countries)} and forbids going there to work, so this cannot be a legal placement.`,
    // F-54, F-138.
    scam_hotspot: (countries: readonly string[]) =>
      `${list(countries)} is among the countries where the Foreign Ministry handles many online-scam cases involving Indonesians.`,
    // F-52, F-136.
    border_area:
      "Border areas such as Myawaddy on the Thai–Myanmar border are where Indonesians were rescued from scam compounds; the Foreign Ministry says cases there are the hardest to handle.",
    // F-46 (current status unverified: say so).
    middle_east_domestic: (countries: readonly string[]) =>
      `Since 2015 Indonesia has stopped placing domestic workers with individual employers in the Middle East (${list(countries)}); ask BP3MI whether this has changed.`,
  },
  /** Names of the countries explanations mention (entities keep the English name). */
  countries: {
    "Cambodia": "Cambodia",
    "Myanmar": "Myanmar",
    "Thailand": "Thailand",
    "Laos": "Laos",
    "Philippines": "Philippines",
    "Vietnam": "Vietnam",
    "Saudi Arabia": "Saudi Arabia",
    "United Arab Emirates": "United Arab Emirates",
    "Qatar": "Qatar",
    "Kuwait": "Kuwait",
    "Oman": "Oman",
    "Bahrain": "Bahrain",
    "Jordan": "Jordan",
    "Middle East": "Middle East",
  } as Record<string, string>,
  /** One sentence per legitimate signal. */
  positives: {
    licensed_agency: "Names a licensed placement company (P3MI / SIP3MI): check that licence yourself on SISKOP2MI.",
    official_channel: "Points to official channels (Disnaker/LTSA, BP3MI, SISKOP2MI or an official website).",
    // F-42, F-44.
    government_programme: "Describes a government-to-government programme, which registers people only through official channels.",
    // F-13.
    work_visa: "Mentions a work visa, which the legal route requires.",
    // F-13, F-15.
    contract_before_departure: "Mentions a written employment or placement contract.",
    // F-37.
    social_security: "Mentions BPJS Ketenagakerjaan, which migrant workers must join before leaving.",
    // F-36.
    pre_departure_orientation: "Mentions the pre-departure orientation (OPP), a required step of the legal route.",
    // F-18.
    no_fee: "Says the worker pays no fee, as the law requires.",
    domestic_job: "The job is in Indonesia.",
    office_interview: "Applications or interviews happen at an office you can visit.",
    verifiable_employer: "Gives a company name and an address you can check.",
  },
  /** What the licensed-agency registry says about a company named in the offer. */
  agency: {
    licensed: (name: string, licence: string) =>
      `${name} is in the registry of licensed placement companies${licence ? ` (licence ${licence})` : ""}.`,
    revoked_or_expired: (name: string) =>
      `${name} is in the registry, but its licence is revoked or expired: it may not recruit.`,
    not_found: (name: string) =>
      `${name} is not in the registry of licensed placement companies: check the spelling on SISKOP2MI or ask Disnaker/BP3MI.`,
    // F-33, F-34.
    no_registry:
      "The list of licensed placement companies is not loaded here: check the company on SISKOP2MI (siskop2mi.bp2mi.go.id) or ask the local Disnaker/LTSA or BP3MI office.",
  },
  advice: {
    high: "Do not pay, do not send your passport or ID card, and do not travel on this offer.",
    medium: "Check this offer carefully before you pay, send documents or travel.",
    low: "No red flags found, but still check before you pay or sign anything.",
    // F-33, F-34.
    verify:
      "Check the company's licence (SIP3MI) on SISKOP2MI (siskop2mi.bp2mi.go.id), or ask the local Disnaker/LTSA or the BP3MI office.",
    // F-13, F-31, F-36.
    legalRoute:
      "The legal route: register at Disnaker/LTSA, sign a placement agreement and an employment contract, get a work visa and BPJS Ketenagakerjaan, and attend the pre-departure orientation (OPP) before you leave.",
    // F-18, F-22.
    zeroCost: "By law you may not be charged placement costs (UU 18/2017, Article 30).",
    // F-50.
    cambodia: "Cambodia is not a placement country for Indonesian workers.",
    // F-70, F-78.
    report: "To report a recruiter: KP2MI call centre 0800-1000 (free) or the police on 110. You can also report it here with /lapor.",
  },
  cli: {
    imported: (inserted: number, updated: number, skipped: number) =>
      `Imported ${inserted} new and ${updated} updated agencies (${skipped} rows skipped).`,
    badRow: (line: number, reason: string) => `Row ${line} skipped: ${reason}`,
    noNameColumn: "The CSV has no name column (name / nama / nama_perusahaan / company).",
    registrySize: (count: number) => `The registry holds ${count} agencies.`,
    emptyInput: "No offer text on standard input.",
  },
} as const;
