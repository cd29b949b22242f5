/**
 * Ports: what the conversation engine and the channels need from the domain services and from storage.
 * Implementations live in core/<feature>/ and storage/; channels and the engine depend only on these.
 */
import type { Lang, ReporterChannel } from "./messages.js";
import type {
  NewTip, OfficerAction, ReporterStatusView, SubmittedTip, TipEntity, TipKind, TipStatus,
} from "./tips/types.js";

// ---------- Q&A (issue: foundation) ----------
export interface AnswerSource { id: string; title: string; url?: string }
export interface Answer {
  answer: string;
  lang: Lang;
  sources: AnswerSource[];
  /** 0..1 */
  confidence: number;
  refused: boolean;
  /** The message signalled danger now; answer starts with emergency guidance. */
  danger: boolean;
}
export interface QaService {
  answer(question: string, opts?: { lang?: Lang }): Promise<Answer>;
}

// ---------- Offer checker (issue: red-flag checker) ----------
export type RiskLevel = "high" | "medium" | "low";
export interface OfferFlag { id: string; evidence: string[]; explanation: string }
export interface OfferEntities {
  phones: string[]; handles: string[]; links: string[]; companies: string[];
  destinations: string[]; salaries: { amount: number; currency: string; period?: string; text: string; max?: number }[];
}
export interface AgencyMatch {
  name: string;
  status: "licensed" | "revoked_or_expired" | "not_found" | "no_registry";
  licence?: string;
  /** Registered address, when the registry has it. */
  address?: string;
  /** The name as written in the offer or question, when the registry spells it differently. */
  query?: string;
}
export interface OfferCheck {
  risk: RiskLevel;
  score: number;
  flags: OfferFlag[];
  /** Legitimate signals found (lower the risk), explained like flags. */
  positives: OfferFlag[];
  entities: OfferEntities;
  agencies: AgencyMatch[];
  advice: string;
  lang: Lang;
}
export interface OfferChecker {
  check(text: string, opts?: { lang?: Lang }): Promise<OfferCheck>;
  /** Heuristic: does this free text look like a pasted/forwarded job offer rather than a question? */
  looksLikeOffer(text: string): boolean;
  /** Checks a placement company by name against the licensed-agency registry ("cek PT Maju Jaya"). */
  checkAgency?(name: string): Promise<AgencyMatch>;
  /** The company a message asks about ("apakah PT Maju Jaya resmi?"), if it is such a question. */
  agencyQuery?(text: string): string | undefined;
}

// ---------- Tips (issue: tip queue) ----------
export interface TipService {
  /** Commits the tip durably before resolving; the reference is shown only after this resolves. */
  submit(tip: NewTip): Promise<SubmittedTip>;
  statusForReporter(ref: string): Promise<ReporterStatusView | undefined>;
  /** A reporter's answer to an officer's question (relayed by the channel they use). */
  addReporterReply(channel: ReporterChannel, address: string, text: string): Promise<{ ref: string } | undefined>;
  /** Withdraw consent: deletes every tip, session and pending message of this reporter. Returns tips deleted. */
  deleteReporterData(channel: ReporterChannel, address: string): Promise<number>;
  act(ref: string, actor: string, action: OfficerAction, data?: { text?: string; outcome?: string }): Promise<OfficerTipView>;
  list(filter?: { status?: TipStatus[]; kind?: TipKind[]; assignee?: string; search?: string; limit?: number; overdue?: boolean }): Promise<OfficerTipView[]>;
  show(ref: string): Promise<OfficerTipView | undefined>;
  /** Marks tips past their response target once each (audit + `slack.tip` "overdue" event); returns their refs. Call periodically. */
  sweepOverdue?(): Promise<string[]>;
  /** References of the tips this reporter sent from this chat (for "/status" without a number). */
  refsForReporter?(channel: ReporterChannel, address: string): Promise<string[]>;
}

/** What officers see: no routing address, reporter contact only if they chose to share it. */
export interface OfficerTipView {
  ref: string;
  kind: TipKind;
  status: TipStatus;
  urgent: boolean;
  overdue: boolean;
  createdAt: Date;
  dueAt: Date;
  updatedAt: Date;
  assignee?: string;
  outcome?: string;
  summary: string;
  details: Record<string, unknown>;
  entities: TipEntity[];
  attachments: number;
  reporterContact?: string;
  reporterChannel: ReporterChannel;
  /** The consent the reporter gave before submitting (UU PDP: consent must be provable). */
  consent?: { at: Date; noticeVersion: string };
  related: { ref: string; via: TipEntity[] }[];
  audit: { at: Date; actor: string; action: string; note?: string }[];
}

// ---------- Conversation state ----------
export interface SessionStore<S> {
  get(channel: ReporterChannel, address: string): Promise<S | undefined>;
  put(channel: ReporterChannel, address: string, state: S): Promise<void>;
  delete(channel: ReporterChannel, address: string): Promise<void>;
  /**
   * Runs `step` (read the state, act, write it back through the store it is given) while no other
   * process runs a step for the same reporter. Stores shared by several processes implement it;
   * without it, steps are ordered within one process only.
   */
  exclusive?<T>(channel: ReporterChannel, address: string, step: (sessions: SessionStore<S>) => Promise<T>): Promise<T>;
}

// ---------- Durable delivery ----------
/** Messages to reporters (officer questions, status changes) wait here until their channel delivers them. */
export interface ReporterNotice { ref: string; lang: Lang; kind: "question" | "status"; text: string; status?: TipStatus }
export interface NoticeQueue {
  claim(channel: ReporterChannel, limit: number): Promise<{ id: string; address: string; notice: ReporterNotice }[]>;
  done(id: string): Promise<void>;
  retryLater(id: string, at: Date, error: string): Promise<void>;
}
