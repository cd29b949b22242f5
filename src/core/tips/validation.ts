/**
 * Boundary checks for the tip service: the NewTip envelope (bounds on every field) and the
 * per-kind report schema from core/reports/schemas.ts, plus officer action input. Failures become
 * TipError("invalid_input") naming each bad field.
 */
import { z } from "zod";
import { langSchema, reporterChannelSchema } from "../messages.js";
import { reportSchemas } from "../reports/schemas.js";
import { TipError } from "./errors.js";
import { ENTITY_TYPES, OFFICER_ACTIONS, TIP_KINDS, type NewTip, type OfficerAction } from "./types.js";

export const MAX_DETAILS_JSON = 32_000;
export const MAX_NOTE = 4000;

const newTipEnvelope = z.object({
  kind: z.enum(TIP_KINDS),
  lang: langSchema,
  details: z.record(z.string(), z.unknown()),
  entities: z.array(z.object({ type: z.enum(ENTITY_TYPES), value: z.string().trim().min(1).max(300) })).max(100),
  attachments: z
    .array(z.object({ kind: z.enum(["photo", "document"]), ref: z.string().min(1).max(512), mime: z.string().max(128).optional() }))
    .max(10),
  reporter: z.object({
    channel: reporterChannelSchema,
    address: z.string().min(1).max(128),
    contact: z.string().trim().max(200).optional(),
  }),
  consent: z.object({ at: z.coerce.date(), noticeVersion: z.string().trim().min(1).max(32) }),
  submissionId: z.string().min(8).max(64).optional(),
});

const officerInput = z.object({
  ref: z.string().min(1).max(32),
  actor: z.string().trim().min(1, "the officer (--as) is required").max(128),
  action: z.enum(OFFICER_ACTIONS),
  text: z.string().trim().min(1).max(MAX_NOTE).optional(),
  outcome: z.string().trim().min(1).max(500).optional(),
});

function describeIssues(error: z.ZodError, prefix = ""): string {
  return error.issues.map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join(".") || "input"}: ${i.message}`).join("; ");
}

const invalid = (error: z.ZodError, prefix = "") => new TipError("invalid_input", `invalid tip: ${describeIssues(error, prefix)}`);

export function parseNewTip(input: unknown): NewTip {
  const envelope = newTipEnvelope.safeParse(input);
  if (!envelope.success) throw invalid(envelope.error);
  const details = reportSchemas[envelope.data.kind].safeParse(envelope.data.details);
  if (!details.success) throw invalid(details.error, "details");
  if (JSON.stringify(details.data).length > MAX_DETAILS_JSON)
    throw new TipError("invalid_input", `invalid tip: details are larger than ${MAX_DETAILS_JSON} characters`);
  const { contact, ...reporter } = envelope.data.reporter;
  return {
    ...envelope.data,
    details: details.data as Record<string, unknown>,
    reporter: contact ? { ...reporter, contact } : reporter,
  };
}

export interface OfficerInput {
  ref: string;
  actor: string;
  action: OfficerAction;
  text?: string;
  outcome?: string;
}

export function parseOfficerInput(input: unknown): OfficerInput {
  const parsed = officerInput.safeParse(input);
  if (!parsed.success) throw new TipError("invalid_input", describeIssues(parsed.error));
  return parsed.data;
}
