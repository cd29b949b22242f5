/**
 * Entity normalisation for linking: two reports mentioning "0812-3456-7890" and "+62 812 3456 7890",
 * or "PT. Maju Jaya" and "maju jaya", must produce the same keyed pseudonym.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { EntityType, TipEntity, TipKind } from "./types.js";

/** Destinations are shared by thousands of unrelated reports, so they never link tips. */
export const LINKING_ENTITY_TYPES: readonly EntityType[] = ["phone", "handle", "link", "company", "person"];

const COMPANY_FORMS = /^(pt|cv|ud|pjtki|p3mi|lpk|sdn bhd|bhd|ltd|co ltd|inc|llc)\b\.?\s*|\s*\b(pt|tbk|sdn bhd|bhd|ltd|co ltd|inc|llc)\.?$/g;

const plainWords = (v: string) =>
  v
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

export function normaliseEntityValue(type: EntityType, value: string): string {
  const v = value.trim();
  switch (type) {
    case "phone": {
      const parsed = parsePhoneNumberFromString(v.startsWith("62") ? `+${v}` : v, "ID");
      return parsed?.isValid() ? parsed.number : v.replace(/[^\d+]/g, "");
    }
    case "handle":
      return v.toLowerCase().replace(/^@+/, "");
    case "link":
      return v.toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/^www\./, "").replace(/[/?#]+$/, "");
    case "company":
      return plainWords(v).replace(COMPANY_FORMS, "").replace(/\s+/g, " ").trim();
    case "person":
    case "destination":
      return plainWords(v).replace(/\s+/g, " ");
  }
}

/** Entities implied by the report itself, so linking works even if the flow listed none. */
export function entitiesFromDetails(kind: TipKind, details: Record<string, unknown>): TipEntity[] {
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? [v] : []);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  if (kind === "missing_person") {
    return [
      ...str(details.name).map((value) => ({ type: "person" as const, value })),
      ...str(details.employer).map((value) => ({ type: "company" as const, value })),
    ];
  }
  if (kind === "recruiter") {
    const found = (details.offerEntities ?? {}) as Record<string, unknown>;
    return [
      ...list(found.phones).map((value) => ({ type: "phone" as const, value })),
      ...list(found.handles).map((value) => ({ type: "handle" as const, value })),
      ...list(found.links).map((value) => ({ type: "link" as const, value })),
      ...list(found.companies).map((value) => ({ type: "company" as const, value })),
      ...list(found.destinations).map((value) => ({ type: "destination" as const, value })),
    ];
  }
  return [];
}

/** Normalised, de-duplicated, empty values dropped. */
export function normaliseEntities(entities: TipEntity[]): TipEntity[] {
  const seen = new Map<string, TipEntity>();
  for (const e of entities) {
    const value = normaliseEntityValue(e.type, e.value);
    if (value) seen.set(`${e.type}\u0000${value}`, { type: e.type, value });
  }
  return [...seen.values()];
}
