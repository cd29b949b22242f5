/**
 * How a message from the officers (a question, a status change) reads to the reporter. Every
 * reporter channel delivers NoticeQueue entries through this, so they read the same everywhere.
 */
import type { OutboundMessage } from "../messages.js";
import type { ReporterNotice } from "../ports.js";
import { texts } from "../../i18n/index.js";

export function formatNotice(notice: ReporterNotice): OutboundMessage {
  const t = texts(notice.lang).reports;
  if (notice.kind === "question") return { text: t.noticeQuestion(notice.ref, notice.text) };
  const lines = [t.noticeStatus(notice.ref, notice.status ? t.statusLabels[notice.status] : notice.text)];
  if (notice.status && notice.text.trim()) lines.push(t.noticeNote(notice.text.trim()));
  return { text: lines.join("\n") };
}
