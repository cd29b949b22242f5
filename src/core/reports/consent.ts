/**
 * The consent notice shown before a report stores anything. Its version is derived from the notice
 * text itself (both languages), so any wording change yields a new version and the version stored
 * with a tip always identifies the exact text the reporter agreed to.
 */
import { createHash } from "node:crypto";
import { LANGS } from "../messages.js";
import { texts } from "../../i18n/index.js";

export function consentNoticeVersion(retentionDays: number): string {
  const hash = createHash("sha256");
  for (const lang of LANGS) hash.update(texts(lang).reports.consent(retentionDays));
  return `consent-${hash.digest("hex").slice(0, 12)}`;
}
