/** Durations and dates as reporters read them. Times are shown in Jakarta time (WIB). */
import type { Lang } from "../messages.js";
import { texts } from "../../i18n/index.js";

const LOCALES: Record<Lang, string> = { id: "id-ID", en: "en-GB" };
const TIME_ZONE = "Asia/Jakarta";

/** 15 → "15 minutes", 1440 → "24 hours", 4320 → "3 days". */
export function formatDuration(minutes: number, lang: Lang): string {
  const d = texts(lang).reports.durations;
  if (minutes < 60) return d.minutes(minutes);
  if (minutes <= 48 * 60 || minutes % (24 * 60) !== 0) return d.hours(Math.round(minutes / 60));
  return d.days(minutes / (24 * 60));
}

export function formatDateTime(at: Date, lang: Lang): string {
  const text = new Intl.DateTimeFormat(LOCALES[lang], {
    day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE,
  }).format(at);
  return `${text} ${texts(lang).reports.timeZone}`;
}

/** "2025-03-15" → "15 Mar 2025" / "15 Mar 2025" (the date as the reporter meant it, no time zone shift). */
export function formatCalendarDate(isoDate: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
