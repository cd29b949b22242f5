/** The summary a reporter checks before sending: one "label: answer" line per answered question. */
import type { Lang } from "../messages.js";
import type { TipKind } from "../tips/types.js";
import { texts } from "../../i18n/index.js";
import { choiceLabel } from "./answers.js";
import { REPORT_FIELDS, type FieldSpec } from "./fields.js";
import { formatCalendarDate } from "./format.js";

const MAX_SHOWN = 300;
const shorten = (s: string) => (s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…` : s);

export function formatAnswer(field: FieldSpec, value: unknown, lang: Lang): string {
  const t = texts(lang).reports;
  if (value === null || value === undefined) return field.key === "contact" ? t.anonymous : "-";
  switch (field.input) {
    case "choice":
      return choiceLabel(field, String(value), lang);
    case "date":
      return formatCalendarDate(String(value), lang);
    case "photo":
      return t.photoAttached;
    default:
      return shorten(String(value));
  }
}

export function reportSummary(kind: TipKind, answers: Record<string, unknown>, lang: Lang): string {
  const t = texts(lang).reports;
  const lines = [`${t.summaryTitle}`, `(${t.kindNames[kind]})`];
  for (const field of REPORT_FIELDS[kind]) {
    const value = answers[field.key];
    if (field.key !== "contact" && (value === null || value === undefined)) continue;
    lines.push(`• ${t.labels[field.key as keyof typeof t.labels]}: ${formatAnswer(field, value, lang)}`);
  }
  return lines.join("\n");
}
