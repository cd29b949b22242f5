/**
 * Tip (report) vocabulary shared by the report flow, the officer queue, Slack and the CLI.
 * Contract between modules: extend, do not rename.
 */
import type { Lang, ReporterChannel } from "../messages.js";

export const TIP_KINDS = ["missing_person", "recruiter", "danger_now", "other"] as const;
export type TipKind = (typeof TIP_KINDS)[number];

export const TIP_STATUSES = ["new", "claimed", "needs_info", "escalated", "closed"] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

export const ENTITY_TYPES = ["phone", "handle", "link", "company", "person", "destination"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export interface TipEntity {
  type: EntityType;
  /** Normalised value (E.164 phone, lower-case handle, canonical company name…). */
  value: string;
}

export interface Consent {
  at: Date;
  noticeVersion: string;
}

/** What a report flow hands to the tip service once the reporter confirmed the summary. */
export interface NewTip {
  kind: TipKind;
  lang: Lang;
  /** Validated fields of the report (zod schema per kind in core/reports/schemas.ts). */
  details: Record<string, unknown>;
  entities: TipEntity[];
  attachments: { kind: "photo" | "document"; ref: string; mime?: string }[];
  reporter: {
    channel: ReporterChannel;
    /** Routing address needed to reply (chat id / wa_id); encrypted at rest, never shown to officers. */
    address: string;
    /** Contact details the reporter chose to share with officers, if any. */
    contact?: string;
  };
  consent: Consent;
  /**
   * Idempotency key of this submission (the report flow draws one per report): submitting again with
   * the same key returns the tip already filed instead of filing a second one.
   */
  submissionId?: string;
}

export interface SubmittedTip {
  ref: string;
  dueAt: Date;
}

/** What a reporter may see with only their reference. */
export interface ReporterStatusView {
  ref: string;
  kind: TipKind;
  status: TipStatus;
  createdAt: Date;
  dueAt: Date;
  updatedAt: Date;
}

export const OFFICER_ACTIONS = ["claim", "ask", "escalate", "close", "note", "reporter_reply", "reopen"] as const;
export type OfficerAction = (typeof OFFICER_ACTIONS)[number];

/** Outbox topic for the officers' Slack queue; enqueued by TipService in the same transaction as the tip change. */
export const SLACK_TIP_TOPIC = "slack.tip";
/** `deleted`: the reporter withdrew consent; the tip is gone and its Slack message should be redacted. */
export type SlackTipEventKind = "created" | "updated" | "reporter_reply" | "overdue" | "deleted";
export interface SlackTipEvent {
  ref: string;
  event: SlackTipEventKind;
}
