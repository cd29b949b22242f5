/**
 * Block Kit builders: the triage message of a tip, its modals, thread entries and lists.
 * Pure functions of an OfficerTipView (never the reporter's routing address) and the clock,
 * so they render the same in the outbox worker, slash commands and the App Home tab.
 * What reporters wrote is shown in plain_text objects (untrusted()), where Slack applies no markup
 * at all: escaping & < > in mrkdwn stops mentions and links, but not *bold*, _italic_, ~strike~,
 * `code` or a "> " quote, and Slack has no escape for those. Short values inside mrkdwn lines
 * (entities) go through mrkdwn.ts as code spans.
 */
import type { types as SlackTypes } from "@slack/bolt";
import type { Lang } from "../../core/messages.js";
import type { OfficerTipView } from "../../core/ports.js";
import type { TipEntity } from "../../core/tips/types.js";
import { texts } from "../../i18n/index.js";
import { actorMention, codeSpan, escapeMrkdwn, slackDate, truncate } from "./mrkdwn.js";

type KnownBlock = SlackTypes.KnownBlock;
type ModalView = SlackTypes.ModalView;
type HomeView = SlackTypes.HomeView;
type Button = SlackTypes.Button;

export const ACTIONS = {
  claim: "tip_claim",
  ask: "tip_ask",
  escalate: "tip_escalate",
  close: "tip_close",
  reopen: "tip_reopen",
} as const;
export const VIEWS = { ask: "tip_ask_modal", close: "tip_close_modal" } as const;
export const INPUTS = { question: "question", outcome: "outcome", note: "note", value: "value" } as const;
export const OUTCOMES = [
  "referred_police", "referred_bp2mi", "referred_embassy", "resolved", "no_action", "duplicate", "unfounded",
] as const;

/** Where each tip's triage message lives, for links between tips. */
type TipLinks = (ref: string) => string | undefined;

export interface RenderContext {
  lang: Lang;
  now: Date;
  link: TipLinks;
}

const MAX_SECTION = 2900;
const MAX_ENTITIES = 20;
const MAX_RELATED = 10;

const t = (lang: Lang) => texts(lang).slack;

export function formatDuration(ms: number, lang: Lang): string {
  const s = t(lang);
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return s.minutes(String(minutes));
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest ? `${s.hours(String(hours))} ${s.minutes(String(rest))}` : s.hours(String(hours));
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${s.days(String(days))} ${s.hours(String(restHours))}` : s.days(String(days));
}

/** "⏰ 12 min left" / "⚠️ overdue by 3 h"; undefined once the tip is closed. */
export function timeLeft(view: OfficerTipView, ctx: Pick<RenderContext, "lang" | "now">): string | undefined {
  if (view.status === "closed") return undefined;
  const left = view.dueAt.getTime() - ctx.now.getTime();
  const s = t(ctx.lang);
  return left > 0 && !view.overdue
    ? `⏰ ${s.timeLeft(formatDuration(left, ctx.lang))}`
    : `⚠️ ${s.overdueBy(formatDuration(left, ctx.lang))}`;
}

function refLink(ref: string, link: TipLinks): string {
  const url = link(ref);
  return url ? `<${url}|${ref}>` : ref;
}

function entityList(entities: TipEntity[], lang: Lang): string {
  const s = t(lang);
  if (entities.length === 0) return s.noEntities;
  const lines = entities
    .slice(0, MAX_ENTITIES)
    .map((e) => `• ${s.entityTypes[e.type]}: ${codeSpan(truncate(e.value, 200))}`);
  if (entities.length > MAX_ENTITIES) lines.push(s.moreNotShown(String(entities.length - MAX_ENTITIES)));
  return lines.join("\n");
}

function relatedList(view: OfficerTipView, ctx: RenderContext): string | undefined {
  if (view.related.length === 0) return undefined;
  const s = t(ctx.lang);
  const lines = view.related.slice(0, MAX_RELATED).map((r) => {
    const via = r.via.map((e) => `${s.entityTypes[e.type]} ${codeSpan(truncate(e.value, 80))}`).join(", ");
    return `• ${refLink(r.ref, ctx.link)}${via ? ` — ${s.sharedVia(via)}` : ""}`;
  });
  if (view.related.length > MAX_RELATED) lines.push(s.moreNotShown(String(view.related.length - MAX_RELATED)));
  return lines.join("\n");
}

function statusText(view: OfficerTipView, lang: Lang): string {
  const s = t(lang);
  const status = s.statuses[view.status];
  return view.assignee ? `${status}, ${s.claimedBy(actorMention(view.assignee))}` : status;
}

function mrkdwn(text: string): SlackTypes.MrkdwnElement {
  return { type: "mrkdwn", text: truncate(text, MAX_SECTION), verbatim: true };
}

function plain(text: string, max = 75): SlackTypes.PlainTextElement {
  return { type: "plain_text", text: truncate(text, max), emoji: true };
}

/** Reporter-written text, shown exactly as typed (no markup, no `:emoji:` codes); Slack refuses empty texts. */
function untrusted(text: string, max = MAX_SECTION): SlackTypes.PlainTextElement {
  return { type: "plain_text", text: truncate(text, max) || "—", emoji: false };
}

function button(actionId: string, label: string, ref: string, style?: "primary" | "danger"): Button {
  return { type: "button", action_id: actionId, text: plain(label), value: ref, ...(style ? { style } : {}) };
}

function actionButtons(view: OfficerTipView, lang: Lang): Button[] {
  const s = t(lang);
  if (view.status === "closed") return [button(ACTIONS.reopen, s.buttonReopen, view.ref)];
  const buttons: Button[] = [];
  if (!view.assignee) buttons.push(button(ACTIONS.claim, s.buttonClaim, view.ref, "primary"));
  buttons.push(button(ACTIONS.ask, s.buttonAsk, view.ref));
  if (view.status !== "escalated") {
    buttons.push({
      ...button(ACTIONS.escalate, s.buttonEscalate, view.ref, "danger"),
      confirm: {
        title: plain(s.escalateConfirmTitle, 100),
        text: plain(s.escalateConfirmText, 300),
        confirm: plain(s.escalateConfirmYes, 30),
        deny: plain(s.cancel, 30),
        style: "danger",
      },
    });
  }
  buttons.push(button(ACTIONS.close, s.buttonClose, view.ref));
  return buttons;
}

/** Notification text (shown in push notifications and by clients that cannot render blocks). */
function tipFallbackText(view: OfficerTipView, lang: Lang): string {
  const s = t(lang);
  return `${view.urgent ? "🚨 " : ""}${s.newTipFallback(view.ref, s.kinds[view.kind])} (${s.statuses[view.status]})`;
}

/** The tip's triage message: posted once, then updated in place as the tip moves. */
export function tipMessage(view: OfficerTipView, ctx: RenderContext): { text: string; blocks: KnownBlock[] } {
  const s = t(ctx.lang);
  const fields = [
    mrkdwn(`*${s.fieldStatus}*\n${statusText(view, ctx.lang)}`),
    mrkdwn(`*${s.fieldUrgency}*\n${view.urgent ? `🚨 ${s.urgent}` : s.normal}`),
    mrkdwn(`*${s.fieldReported}*\n${slackDate(view.createdAt)}`),
  ];
  const left = timeLeft(view, ctx);
  if (left) fields.push(mrkdwn(`*${s.fieldTarget}*\n${left} (${slackDate(view.dueAt)})`));
  if (view.outcome) {
    const label = (s.outcomes as Record<string, string>)[view.outcome] ?? escapeMrkdwn(view.outcome);
    fields.push(mrkdwn(`*${s.fieldOutcome}*\n${label}`));
  }

  const blocks: KnownBlock[] = [
    { type: "header", text: plain(`${view.urgent ? "🚨 " : ""}${s.kinds[view.kind]} · ${view.ref}`, 150) },
    { type: "section", fields },
    { type: "section", text: mrkdwn(`*${s.fieldSummary}*`) },
    { type: "section", text: untrusted(view.summary, 1500) },
    { type: "section", text: mrkdwn(`*${s.fieldEntities}*\n${entityList(view.entities, ctx.lang)}`) },
  ];
  const related = relatedList(view, ctx);
  if (related) blocks.push({ type: "section", text: mrkdwn(`*${s.fieldRelated}*\n${related}`) });

  const context = [
    view.reporterContact
      ? untrusted(s.reporterContact(truncate(view.reporterContact, 200)))
      : mrkdwn(s.reporterAnonymous(view.reporterChannel)),
  ];
  if (view.attachments > 0) context.push(mrkdwn(s.attachments(String(view.attachments))));
  blocks.push({ type: "context", elements: context });
  blocks.push({ type: "actions", block_id: "tip_actions", elements: actionButtons(view, ctx.lang) });
  return { text: tipFallbackText(view, ctx.lang), blocks };
}

/** The full report fields, for `/lentera show` (ephemeral, only to the officer who asked). */
export function tipDetailBlocks(view: OfficerTipView, ctx: RenderContext): KnownBlock[] {
  const lines = Object.entries(view.details)
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
    .map(([key, value]) => {
      const shown = typeof value === "string" ? value : JSON.stringify(value);
      return `${key.replace(/_/g, " ")}: ${truncate(shown, 500)}`;
    });
  const { blocks } = tipMessage(view, ctx);
  return lines.length ? [...blocks.slice(0, -1), ...sections(lines, untrusted), blocks[blocks.length - 1]!] : blocks;
}

/** One line per tip for lists (queue, search, App Home). */
function tipLine(view: OfficerTipView, ctx: RenderContext): string {
  const s = t(ctx.lang);
  const parts = [
    `${view.urgent ? "🚨 " : ""}*${refLink(view.ref, ctx.link)}*`,
    s.kinds[view.kind],
    statusText(view, ctx.lang),
  ];
  const left = timeLeft(view, ctx);
  if (left) parts.push(left);
  return `• ${parts.join(" · ")}`;
}

/** Lines packed into as few sections as Slack's 3,000-character limit allows. */
function sections(lines: string[], as: (text: string) => SlackTypes.TextObject = mrkdwn): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = "";
  for (const line of lines) {
    if (current && current.length + line.length + 1 > MAX_SECTION) {
      blocks.push({ type: "section", text: as(current) });
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push({ type: "section", text: as(current) });
  return blocks;
}

/** Open tips first by urgency, then oldest first (closest to or furthest past its target). */
export function byUrgencyAndAge(a: OfficerTipView, b: OfficerTipView): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return a.createdAt.getTime() - b.createdAt.getTime();
}

export function tipListBlocks(title: string, views: OfficerTipView[], ctx: RenderContext, limit = 40): KnownBlock[] {
  const s = t(ctx.lang);
  const lines = views.slice(0, limit).map((v) => tipLine(v, ctx));
  if (views.length > limit) lines.push(s.moreNotShown(String(views.length - limit)));
  return [{ type: "section", text: mrkdwn(`*${escapeMrkdwn(title)}*`) }, ...sections(lines)];
}

/** A modal about one tip: the ref travels in private_metadata, and is shown on top. */
function tipModal(callbackId: string, ref: string, lang: Lang, labels: { title: string; submit: string; hint?: string }, inputs: KnownBlock[]): ModalView {
  const heading = `*${escapeMrkdwn(ref)}*${labels.hint ? ` · ${labels.hint}` : ""}`;
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: JSON.stringify({ ref }),
    title: plain(labels.title, 24),
    submit: plain(labels.submit, 24),
    close: plain(t(lang).cancel, 24),
    blocks: [{ type: "context", elements: [mrkdwn(heading)] }, ...inputs],
  };
}

export function askModal(ref: string, lang: Lang): ModalView {
  const s = t(lang);
  return tipModal(VIEWS.ask, ref, lang, { title: s.askTitle, submit: s.askSubmit, hint: s.askHint }, [
    {
      type: "input",
      block_id: INPUTS.question,
      label: plain(s.askLabel, 2000),
      element: { type: "plain_text_input", action_id: INPUTS.value, multiline: true, min_length: 2, max_length: 1000 },
    },
  ]);
}

export function closeModal(ref: string, lang: Lang): ModalView {
  const s = t(lang);
  return tipModal(VIEWS.close, ref, lang, { title: s.closeTitle, submit: s.closeSubmit }, [
    {
      type: "input",
      block_id: INPUTS.outcome,
      label: plain(s.outcomeLabel, 2000),
      element: {
        type: "static_select",
        action_id: INPUTS.value,
        options: OUTCOMES.map((o) => ({ text: plain(s.outcomes[o]), value: o })),
      },
    },
    {
      type: "input",
      block_id: INPUTS.note,
      optional: true,
      label: plain(s.noteLabel, 2000),
      element: { type: "plain_text_input", action_id: INPUTS.value, multiline: true, max_length: 1000 },
    },
  ]);
}

export function refFromPrivateMetadata(metadata: string): string | undefined {
  try {
    const parsed = JSON.parse(metadata) as { ref?: unknown };
    return typeof parsed.ref === "string" ? parsed.ref : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Thread entry for an officer's question or the reporter's answer (from the tip's audit log): the
 * words themselves in plain_text; the fallback text (notifications only) escaped like any mrkdwn.
 */
export function threadEntry(entry: OfficerTipView["audit"][number], lang: Lang): { text: string; blocks: KnownBlock[] } {
  const s = t(lang);
  const heading = entry.action === "ask" ? s.threadQuestion(actorMention(entry.actor)) : s.threadReply;
  const note = truncate(entry.note ?? "", 2500);
  return {
    text: `${heading}\n${escapeMrkdwn(note)}`,
    blocks: [{ type: "section", text: mrkdwn(heading) }, { type: "section", text: untrusted(note) }],
  };
}

export function urgentAlertText(view: OfficerTipView, lang: Lang, mention: string | undefined, url: string | undefined): string {
  const s = t(lang);
  const ref = url ? `<${url}|${view.ref}>` : view.ref;
  return `${mention ? `${mention} ` : ""}🚨 ${s.urgentAlert(ref, s.kinds[view.kind])}`;
}

export function overdueAlertText(view: OfficerTipView, ctx: RenderContext, mention: string | undefined): string {
  const s = t(ctx.lang);
  const overdue = s.overdueBy(formatDuration(view.dueAt.getTime() - ctx.now.getTime(), ctx.lang));
  return `${mention ? `${mention} ` : ""}⚠️ ${s.overdueAlert(refLink(view.ref, ctx.link), overdue)}`;
}

/** What replaces the triage message once the reporter withdrew consent and the tip was deleted. */
export function deletedMessage(ref: string, lang: Lang): { text: string; blocks: KnownBlock[] } {
  const text = t(lang).deleted(ref);
  return { text, blocks: [{ type: "context", elements: [mrkdwn(`🗑️ ${text}`)] }] };
}

export interface TipStats {
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  byWeek: Record<string, number>;
}

export function statsBlocks(stats: TipStats, lang: Lang): KnownBlock[] {
  const s = t(lang);
  const table = (counts: Record<string, number>, label: (k: string) => string) =>
    Object.entries(counts)
      .map(([k, n]) => `${label(k)}: *${n}*`)
      .join("\n") || "—";
  const kinds = s.kinds as Record<string, string>;
  const statuses = s.statuses as Record<string, string>;
  return [
    { type: "header", text: plain(s.statsTitle, 150) },
    {
      type: "section",
      fields: [
        mrkdwn(`*${s.statsByKind}*\n${table(stats.byKind, (k) => kinds[k] ?? k)}`),
        mrkdwn(`*${s.statsByStatus}*\n${table(stats.byStatus, (k) => statuses[k] ?? k)}`),
      ],
    },
    { type: "section", text: mrkdwn(`*${s.statsByWeek}*\n${table(stats.byWeek, (k) => k)}`) },
  ];
}

export function homeView(
  lang: Lang,
  content: { officer: true; mine: OfficerTipView[]; queue: OfficerTipView[] } | { officer: false },
  ctx: RenderContext,
): HomeView {
  const s = t(lang);
  const blocks: KnownBlock[] = [{ type: "header", text: plain(s.homeTitle, 150) }];
  if (!content.officer) {
    blocks.push({ type: "section", text: mrkdwn(s.homeNotOfficer) });
    return { type: "home", blocks };
  }
  const list = (title: string, views: OfficerTipView[], empty: string) =>
    views.length ? tipListBlocks(title, views, ctx, 30) : [{ type: "section", text: mrkdwn(`*${title}*\n${empty}`) } as KnownBlock];
  blocks.push(...list(s.homeMine, content.mine, s.homeMineEmpty));
  blocks.push({ type: "divider" });
  blocks.push(...list(s.homeQueue, content.queue, s.homeQueueEmpty));
  blocks.push({ type: "context", elements: [mrkdwn(s.homeUpdated(slackDate(ctx.now)))] });
  return { type: "home", blocks };
}
