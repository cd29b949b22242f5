/**
 * What each kind of report may contain: one zod schema per kind. The report flow validates every
 * answer against its field's schema as it is typed, and the whole object again before submitting,
 * so the tip service only ever receives these shapes (unknown keys are dropped).
 */
import { z } from "zod";
import type { TipKind } from "../tips/types.js";

const text = (max: number) => z.string().trim().min(1).max(max);

const today = () => new Date().toISOString().slice(0, 10);
/** A calendar date (YYYY-MM-DD) that is not in the future and not absurdly old. */
const pastDate = z.iso
  .date()
  .refine((d) => d <= today(), { message: "future_date" })
  .refine((d) => d >= "1950-01-01", { message: "too_old_date" });

export const RELATIONSHIPS = ["child", "spouse", "sibling", "parent", "relative", "friend", "other"] as const;
export const LAST_CONTACT_CHANNELS = ["whatsapp", "phone_sms", "telegram", "facebook", "other"] as const;
export const RECRUITER_CONTACT_METHODS = ["whatsapp", "facebook", "telegram", "tiktok_instagram", "in_person", "other"] as const;

export const photoSchema = z.object({
  kind: z.literal("photo"),
  ref: z.string().min(1).max(512),
  mime: z.string().max(128).optional(),
});

/** Entities the offer checker found in the offer being reported (kept so officers can link tips). */
export const offerEntitiesSchema = z.object({
  phones: z.array(z.string().max(40)).max(20).default([]),
  handles: z.array(z.string().max(100)).max(20).default([]),
  links: z.array(z.string().max(500)).max(20).default([]),
  companies: z.array(z.string().max(200)).max(20).default([]),
  destinations: z.array(z.string().max(100)).max(20).default([]),
});

export const missingPersonSchema = z.object({
  name: text(120),
  age: z.number().int().min(0).max(120).optional(),
  relationship: z.enum(RELATIONSHIPS).optional(),
  destinationCountry: text(80).optional(),
  destinationCity: text(80).optional(),
  employer: text(300).optional(),
  lastContactDate: pastDate.optional(),
  lastContactChannel: z.enum(LAST_CONTACT_CHANNELS).optional(),
  photo: photoSchema.optional(),
});

export const recruiterSchema = z
  .object({
    offerText: text(4000).optional(),
    recruiterName: text(200).optional(),
    recruiterContact: text(300).optional(),
    howContacted: z.enum(RECRUITER_CONTACT_METHODS).optional(),
    offerRisk: z.enum(["high", "medium", "low"]).optional(),
    offerFlags: z.array(z.string().max(64)).max(50).optional(),
    offerEntities: offerEntitiesSchema.optional(),
  })
  .refine((r) => Boolean(r.offerText || r.recruiterName || r.recruiterContact), {
    message: "recruiter_needs_detail",
    path: ["recruiterName"],
  });

export const dangerNowSchema = z.object({
  where: text(300),
  howMany: z.number().int().min(1).max(10_000).optional(),
  whatIsHappening: text(2000),
});

export const otherSchema = z.object({
  description: text(4000),
});

/** Asked at the end of every report; skipping it keeps the report anonymous. */
export const reporterContactSchema = text(200).optional();

export const reportSchemas = {
  missing_person: missingPersonSchema,
  recruiter: recruiterSchema,
  danger_now: dangerNowSchema,
  other: otherSchema,
} as const satisfies Record<TipKind, z.ZodType>;

export type MissingPersonReport = z.infer<typeof missingPersonSchema>;
export type RecruiterReport = z.infer<typeof recruiterSchema>;
export type DangerNowReport = z.infer<typeof dangerNowSchema>;
export type OtherReport = z.infer<typeof otherSchema>;
export type OfferEntitiesPrefill = z.infer<typeof offerEntitiesSchema>;
