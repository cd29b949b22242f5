/**
 * Turns one reply (typed text, a picked option or a photo) into a field value, validated by the
 * field's zod schema; failures become a short message in the reporter's language.
 */
import { z } from "zod";
import type { Attachment, Lang } from "../messages.js";
import { texts } from "../../i18n/index.js";
import { parseDate } from "./dates.js";
import type { FieldSpec } from "./fields.js";

export interface ReplyInput {
  text?: string;
  action?: string;
  attachments: Attachment[];
}

export type ReadResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Option id for a choice: carries the field key so a stale button of another question is refused. */
export const pickAction = (fieldKey: string, value: string) => `pick:${fieldKey}:${value}`;

type ChoiceLabels = Record<string, Record<string, string>>;

export function choiceLabel(field: FieldSpec, value: string, lang: Lang): string {
  return (texts(lang).reports.choices as ChoiceLabels)[field.key]?.[value] ?? value;
}

function candidate(field: FieldSpec, input: ReplyInput): unknown {
  const text = input.text?.trim() ?? "";
  switch (field.input) {
    case "text":
      return text;
    case "number": {
      const digits = /\d{1,6}/.exec(text);
      return digits ? Number(digits[0]) : Number.NaN;
    }
    case "date":
      return parseDate(text) ?? text;
    case "photo": {
      const photo = input.attachments.find((a) => a.kind === "photo");
      return photo ? { kind: "photo", ref: photo.ref, mime: photo.mime } : undefined;
    }
    case "choice": {
      const prefix = pickAction(field.key, "");
      if (input.action?.startsWith(prefix)) return input.action.slice(prefix.length);
      // A typed answer counts when it names an option, in either language.
      const typed = text.toLowerCase();
      return field.choices?.find(
        (c) => c === typed || (["id", "en"] as const).some((l) => choiceLabel(field, c, l).toLowerCase() === typed),
      ) ?? (typed || undefined);
    }
  }
}

function message(field: FieldSpec, issue: z.core.$ZodIssue, value: unknown, lang: Lang): string {
  const e = texts(lang).reports.errors;
  if (issue.code === "custom" && issue.message in e) return e[issue.message as keyof typeof e] as string;
  switch (field.input) {
    case "photo":
      return e.needPhoto;
    case "choice":
      return e.pickOption;
    case "date":
      return e.badDate;
    case "number":
      if (issue.code === "too_big" || issue.code === "too_small") {
        const range = unwrapOptional(field.schema) as z.ZodNumber;
        return e.numberRange(range.minValue ?? 0, range.maxValue ?? Number.MAX_SAFE_INTEGER);
      }
      return e.notNumber;
    case "text":
      // Says how long the answer was, so the reporter knows how much to cut.
      if (issue.code === "too_big") return e.tooLong(Number(issue.maximum), String(value).length);
      if (issue.code === "too_small" || issue.code === "invalid_type") return e.required;
      return e.invalid;
  }
}

export function readAnswer(field: FieldSpec, input: ReplyInput, lang: Lang): ReadResult {
  const value = candidate(field, input);
  if (value === undefined || value === "") return { ok: false, error: messageForMissing(field, lang) };
  const parsed = field.schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: message(field, parsed.error.issues[0]!, value, lang) };
}

function messageForMissing(field: FieldSpec, lang: Lang): string {
  const e = texts(lang).reports.errors;
  if (field.input === "photo") return e.needPhoto;
  if (field.input === "choice") return e.pickOption;
  return field.optional ? e.empty : e.required;
}

const unwrapOptional = (schema: z.ZodType): z.ZodType => (schema instanceof z.ZodOptional ? unwrapOptional(schema.unwrap() as z.ZodType) : schema);
