/**
 * The questions of each report kind, in the order they are asked. Each question is a field of the
 * kind's zod schema (schemas.ts); whether it may be skipped follows from the schema itself.
 */
import type { z } from "zod";
import type { TipKind } from "../tips/types.js";
import {
  LAST_CONTACT_CHANNELS, RECRUITER_CONTACT_METHODS, RELATIONSHIPS, reportSchemas, reporterContactSchema,
} from "./schemas.js";

/** How a typed answer is read before it is validated. */
export type InputKind = "text" | "number" | "date" | "choice" | "photo";

export interface FieldSpec {
  key: string;
  input: InputKind;
  schema: z.ZodType;
  optional: boolean;
  choices?: readonly string[];
}

/** Field of a kind's schema (keeps question keys and schema keys from drifting apart). */
function field<K extends TipKind>(
  kind: K,
  key: keyof (typeof reportSchemas)[K]["shape"] & string,
  input: InputKind,
  choices?: readonly string[],
): FieldSpec {
  const schema = (reportSchemas[kind].shape as Record<string, z.ZodType>)[key]!;
  return { key, input, schema, optional: schema.safeParse(undefined).success, choices };
}

/** The reporter's own contact, asked last in every report; skipping it keeps the report anonymous. */
export const CONTACT_FIELD: FieldSpec = {
  key: "contact",
  input: "text",
  schema: reporterContactSchema,
  optional: true,
};

export const REPORT_FIELDS: Record<TipKind, readonly FieldSpec[]> = {
  missing_person: [
    field("missing_person", "name", "text"),
    field("missing_person", "age", "number"),
    field("missing_person", "relationship", "choice", RELATIONSHIPS),
    field("missing_person", "destinationCountry", "text"),
    field("missing_person", "destinationCity", "text"),
    field("missing_person", "employer", "text"),
    field("missing_person", "lastContactDate", "date"),
    field("missing_person", "lastContactChannel", "choice", LAST_CONTACT_CHANNELS),
    field("missing_person", "photo", "photo"),
    CONTACT_FIELD,
  ],
  recruiter: [
    field("recruiter", "offerText", "text"),
    field("recruiter", "recruiterName", "text"),
    field("recruiter", "recruiterContact", "text"),
    field("recruiter", "howContacted", "choice", RECRUITER_CONTACT_METHODS),
    CONTACT_FIELD,
  ],
  danger_now: [
    field("danger_now", "where", "text"),
    field("danger_now", "howMany", "number"),
    field("danger_now", "whatIsHappening", "text"),
    CONTACT_FIELD,
  ],
  other: [field("other", "description", "text"), CONTACT_FIELD],
};

export function fieldOf(kind: TipKind, key: string): FieldSpec | undefined {
  return REPORT_FIELDS[kind].find((f) => f.key === key);
}
