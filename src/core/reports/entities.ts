/**
 * Entities hidden in a report's free-text answers ("agennya Pak Budi 0812-3456-7890", "@loker_kamboja"),
 * found with the offer checker's extractor, so officers see when several reports point at the same
 * recruiter. The tip service adds the entities the structured answers imply (missing person's name,
 * employer, the checked offer's entities) and normalises them all.
 */
import type { OfferEntities } from "../ports.js";
import type { TipEntity, TipKind } from "../tips/types.js";

/** Answers whose free text may name a phone, handle, link or company. */
const FREE_TEXT_FIELDS: Record<TipKind, readonly string[]> = {
  missing_person: ["employer", "destinationCity"],
  recruiter: ["offerText", "recruiterName", "recruiterContact"],
  danger_now: ["where", "whatIsHappening"],
  other: ["description"],
};

/** The tip service accepts up to 100 entities; a report rarely names more than a handful. */
const MAX_ENTITIES = 50;
const MAX_VALUE = 300;

export type EntityExtractor = (text: string) => Promise<Partial<OfferEntities>>;

export async function reportEntities(
  kind: TipKind,
  details: Record<string, unknown>,
  extract: EntityExtractor,
): Promise<TipEntity[]> {
  const freeText = FREE_TEXT_FIELDS[kind].map((k) => details[k]).filter((v): v is string => typeof v === "string");
  const found = freeText.length > 0 ? await extract(freeText.join("\n")) : {};
  const entities: TipEntity[] = [
    ...(found.phones ?? []).map((value) => ({ type: "phone" as const, value })),
    ...(found.handles ?? []).map((value) => ({ type: "handle" as const, value })),
    ...(found.links ?? []).map((value) => ({ type: "link" as const, value })),
    ...(found.companies ?? []).map((value) => ({ type: "company" as const, value })),
    ...(found.destinations ?? []).map((value) => ({ type: "destination" as const, value })),
  ];
  if (kind === "missing_person" && typeof details.destinationCountry === "string")
    entities.push({ type: "destination", value: details.destinationCountry });
  return entities
    .map((e) => ({ type: e.type, value: e.value.trim().slice(0, MAX_VALUE) }))
    .filter((e) => e.value.length > 0)
    .slice(0, MAX_ENTITIES);
}
