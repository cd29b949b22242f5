/**
 * The officer queue's state machine. new → claimed → needs_info → escalated → closed (with an
 * outcome), plus notes (any state), reopening a closed tip, and the reporter's answer bringing a
 * needs_info tip back to where it was when the question was asked (an escalated tip stays escalated).
 */
import { TipError } from "./errors.js";
import type { OfficerAction, TipStatus } from "./types.js";

interface Rule {
  from: readonly TipStatus[];
  to: (current: TipStatus, input: TransitionInput) => TipStatus;
  requires?: "text" | "outcome";
}

const OPEN: readonly TipStatus[] = ["new", "claimed", "needs_info", "escalated"];

const RULES: Record<OfficerAction, Rule> = {
  // Claiming an already-handled tip is a take-over: the assignee changes, the state does not.
  claim: { from: OPEN, to: (s) => (s === "new" ? "claimed" : s) },
  ask: { from: OPEN, to: () => "needs_info", requires: "text" },
  escalate: { from: ["new", "claimed", "needs_info"], to: () => "escalated" },
  close: { from: OPEN, to: () => "closed", requires: "outcome" },
  note: { from: [...OPEN, "closed"], to: (s) => s, requires: "text" },
  reopen: { from: ["closed"], to: () => "claimed" },
  reporter_reply: { from: ["needs_info"], to: (_, t) => (t.askedWhile === "escalated" ? "escalated" : "claimed"), requires: "text" },
};

export interface TransitionInput {
  status: TipStatus;
  assignee?: string;
  actor: string;
  action: OfficerAction;
  text?: string;
  outcome?: string;
  /** For a reporter's answer: the tip's status when the officer asked (the answer returns it there). */
  askedWhile?: TipStatus;
}

export interface Transition {
  status: TipStatus;
  assignee?: string;
  /** The officer responded (counts against the response target). */
  officerResponse: boolean;
}

export function allowedActions(status: TipStatus): OfficerAction[] {
  return (Object.keys(RULES) as OfficerAction[]).filter((a) => a !== "reporter_reply" && RULES[a].from.includes(status));
}

export function planTransition(t: TransitionInput): Transition {
  const rule = RULES[t.action];
  if (!rule.from.includes(t.status))
    throw new TipError(
      "invalid_transition",
      `cannot ${t.action} a tip that is ${t.status}; allowed now: ${allowedActions(t.status).join(", ") || "none"}`,
    );
  if (t.action === "claim" && t.assignee === t.actor) throw new TipError("invalid_transition", `the tip is already claimed by ${t.actor}`);
  if (rule.requires === "text" && !t.text) throw new TipError("invalid_input", `${t.action} needs --text`);
  if (rule.requires === "outcome" && !t.outcome) throw new TipError("invalid_input", `${t.action} needs --outcome`);
  const reporter = t.action === "reporter_reply";
  const takesOwnership = t.action === "claim" || t.action === "reopen";
  return {
    status: rule.to(t.status, t),
    assignee: takesOwnership || (!t.assignee && !reporter && t.action !== "note") ? t.actor : t.assignee,
    officerResponse: !reporter && t.action !== "note",
  };
}
