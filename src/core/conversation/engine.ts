/**
 * THE conversation engine every reporter channel talks to: one InboundMessage in, the replies out.
 * It keeps per-user state through SessionStore (language, report in progress, last offer checked),
 * routes commands, runs the report flow, checks pasted or forwarded job offers, relays replies to
 * officers' questions, and otherwise answers with the Q&A service (safety guidance first when the
 * message signals danger now).
 */
import type { Config } from "../../config.js";
import { errorSummary, type Logger } from "../../logger.js";
import { texts } from "../../i18n/index.js";
import {
  inboundMessageSchema, MAX_INBOUND_TEXT, type InboundMessage, type Lang, type OutboundMessage, type ParsedInbound,
} from "../messages.js";
import type { OfferChecker, QaService, ReporterNotice, SessionStore, TipService } from "../ports.js";
import { detectDanger } from "../qa/danger.js";
import { ACTIONS, ReportFlow } from "../reports/flow.js";
import { formatDateTime } from "../reports/format.js";
import { isKeyword } from "../reports/keywords.js";
import { formatNotice } from "../reports/notices.js";
import { detectLanguage } from "../text/language.js";
import { TIP_KINDS, type TipKind } from "../tips/types.js";
import {
  langFromArg, langFromHint, looksLikeReference, parseCommand, type Command, type CommandName,
} from "./commands.js";
import { KeyedLock } from "./keyed-lock.js";
import { OFFER_ACTIONS, recruiterPrefill, rememberOffer, renderAgencyMatch, renderOfferCheck } from "./offer-reply.js";
import { HANDLED_MEMORY, newSession, sessionSchema, type Handled, type Session } from "./session.js";

export type EngineConfig = Pick<
  Config,
  | "LENTERA_DEFAULT_LANG"
  | "LENTERA_RETENTION_DAYS"
  | "LENTERA_TARGET_DANGER_MINUTES"
  | "LENTERA_TARGET_MISSING_MINUTES"
  | "LENTERA_TARGET_RECRUITER_MINUTES"
  | "LENTERA_TARGET_OTHER_MINUTES"
>;

export interface ConversationEngineDeps {
  qa: QaService;
  offers: OfferChecker;
  tips: TipService;
  sessions: SessionStore<unknown>;
  config: EngineConfig;
  logger: Logger;
  now?: () => Date;
}

/** Option ids of the engine's own menus (the report flow has its own, see ACTIONS). */
export const ENGINE_ACTIONS = {
  menu: (command: CommandName) => `menu:${command}`,
  lang: (lang: Lang) => `lang:${lang}`,
  deleteYes: "delete:yes",
  deleteNo: "delete:no",
  continueReport: "flow:continue",
} as const;

/** Action namespaces that belong to the report flow's questions. */
const FLOW_ACTION = /^(report|consent|flow|pick|confirm|edit):/;
/** Questions to the Q&A are bounded; nobody asks a useful question in more than this. */
const MAX_QUESTION_CHARS = 2_000;
const MAX_REFERENCE_CHARS = 32;
/** "/status" alone lists the latest reports sent from this chat. */
const MAX_LISTED_REFS = 5;

/** One message being handled: the message, the session being updated, and what happened to it. */
interface Turn {
  msg: ParsedInbound;
  text: string;
  /** Where this message's state is read and written (under the cross-process lock, when there is one). */
  sessions: SessionStore<unknown>;
  /** What the person said in their own words: the text, or what follows a command word ("/help" says nothing). */
  said: string;
  session: Session;
  /** The reporter withdrew: their session is gone and must not be written back. */
  deleted: boolean;
  submitted: boolean;
  /** Something outside the session changed (a reply relayed to officers): remember the delivery as handled. */
  relayed: boolean;
  /** The replies already open with the emergency guidance (the Q&A gives it for danger). */
  guided: boolean;
}

/** The replies to a message, and whether it committed a tip (whose reference must reach the reporter). */
interface TurnResult {
  replies: OutboundMessage[];
  submitted: boolean;
}

export class ConversationEngine {
  readonly flow: ReportFlow;
  readonly #deps: ConversationEngineDeps;
  readonly #lock = new KeyedLock();
  readonly #now: () => Date;

  constructor(deps: ConversationEngineDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
    const c = deps.config;
    this.flow = new ReportFlow({
      tips: deps.tips,
      extractEntities: async (text) => (await deps.offers.check(text)).entities,
      retentionDays: c.LENTERA_RETENTION_DAYS,
      responseTargets: {
        danger_now: c.LENTERA_TARGET_DANGER_MINUTES,
        missing_person: c.LENTERA_TARGET_MISSING_MINUTES,
        recruiter: c.LENTERA_TARGET_RECRUITER_MINUTES,
        other: c.LENTERA_TARGET_OTHER_MINUTES,
      },
      logger: deps.logger,
      now: this.#now,
    });
  }

  async handle(message: InboundMessage): Promise<OutboundMessage[]> {
    const parsed = inboundMessageSchema.safeParse(message);
    if (!parsed.success) {
      this.#deps.logger.warn({ issues: parsed.error.issues.map((i) => i.path.join(".")) }, "invalid inbound message");
      const fallback = this.#deps.config.LENTERA_DEFAULT_LANG;
      const tooLong = parsed.error.issues.some((i) => i.path[0] === "text" && i.code === "too_big");
      if (!tooLong || typeof message.text !== "string") return [{ text: texts(fallback).common.error }];
      return [{ text: texts(detectLanguage(message.text.slice(0, MAX_QUESTION_CHARS), fallback)).common.tooLong(MAX_INBOUND_TEXT) }];
    }
    const msg = parsed.data;
    // The in-process queue orders one person's messages cheaply; the store's lock then keeps other
    // processes on the same database from interleaving with them.
    return this.#lock.run(`${msg.channel}\u0000${msg.address}`, () => this.#handleExclusively(msg));
  }

  /** How an officer's question or a status change reads on any channel. */
  renderNotice(notice: ReporterNotice): OutboundMessage[] {
    return [formatNotice(notice)];
  }

  async #handleExclusively(msg: ParsedInbound): Promise<OutboundMessage[]> {
    const { sessions, logger } = this.#deps;
    if (!sessions.exclusive) return (await this.#handleInOrder(msg, sessions)).replies;
    let handled: TurnResult | undefined;
    try {
      await sessions.exclusive(msg.channel, msg.address, async (locked) => {
        handled = await this.#handleInOrder(msg, locked);
      });
    } catch (err) {
      // No lock, or the state was not saved when it was released: the message is to be sent again,
      // unless a tip was committed, whose reference must still reach the reporter.
      logger.error({ err: errorSummary(err), channel: msg.channel }, "could not lock or save the conversation");
      if (!handled?.submitted) return [{ text: texts(this.#deps.config.LENTERA_DEFAULT_LANG).common.error }];
    }
    return handled!.replies;
  }

  async #handleInOrder(msg: ParsedInbound, sessions: SessionStore<unknown>): Promise<TurnResult> {
    const { logger } = this.#deps;
    const text = (msg.text ?? msg.attachments.find((a) => a.caption)?.caption ?? "").trim();
    let turn: Turn | undefined;
    try {
      const stored = await sessions.get(msg.channel, msg.address);
      const session = this.#readSession(stored);
      const repeated = this.#repeatedDelivery(msg, session);
      if (repeated) return { replies: repeated, submitted: false };
      const before = JSON.stringify(session);
      turn = { msg, text, said: text, sessions, session, deleted: false, submitted: false, relayed: false, guided: false };
      if (!msg.action && !session.flow) this.#detectLanguage(turn);
      const replies = this.#dangerFirst(turn, await this.#route(turn));
      if (!turn.deleted && (turn.relayed || JSON.stringify(turn.session) !== before)) {
        if (msg.eventId) turn.session.handled = rememberHandled(turn.session.handled, msg.eventId, replies);
        try {
          await sessions.put(msg.channel, msg.address, turn.session);
        } catch (err) {
          logger.error({ err: errorSummary(err) }, "could not save the conversation state");
          // The reference of a committed tip must still reach the reporter; anything else is retried.
          if (!turn.submitted) return { replies: [{ text: texts(this.#lang(turn)).common.error }], submitted: false };
        }
      }
      return { replies, submitted: turn.submitted };
    } catch (err) {
      logger.error({ err: errorSummary(err), channel: msg.channel }, "message handling failed");
      const lang = turn ? this.#lang(turn) : this.#deps.config.LENTERA_DEFAULT_LANG;
      return { replies: [{ text: texts(lang).common.error }], submitted: false };
    }
  }

  /**
   * A delivery this person's state already records as handled (the process handling it died before
   * the channel marked it done): its replies again, without acting a second time. Only the newest
   * delivery's replies are kept; an older one was answered before the newer one was taken up.
   */
  #repeatedDelivery(msg: ParsedInbound, session: Session): OutboundMessage[] | undefined {
    const handled = session.handled;
    if (!msg.eventId || !handled?.eventIds.includes(msg.eventId)) return undefined;
    this.#deps.logger.info({ channel: msg.channel }, "delivery already handled; repeating its replies");
    return handled.eventIds.at(-1) === msg.eventId ? handled.replies : [];
  }

  /**
   * Someone saying they are in danger now gets the emergency guidance before anything else, whatever
   * the message also was: an answer in a report (which still counts, so the report goes on from where
   * it was), a reply to an officer's question, an offer to check.
   */
  #dangerFirst(turn: Turn, replies: OutboundMessage[]): OutboundMessage[] {
    if (turn.guided || !detectDanger(turn.said)) return replies;
    return [{ text: texts(this.#lang(turn)).qa.danger, urgent: true }, ...replies];
  }

  #readSession(stored: unknown): Session {
    if (stored === undefined) return newSession();
    const parsed = sessionSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    this.#deps.logger.warn("stored conversation state is not valid any more; starting afresh");
    return newSession();
  }

  /** Chosen language, else the platform's hint, else the language the person has been writing in. */
  #lang(turn: Turn): Lang {
    const s = turn.session;
    return s.flow?.lang ?? s.lang ?? langFromHint(turn.msg.langHint) ?? s.lastLang ?? this.#deps.config.LENTERA_DEFAULT_LANG;
  }

  /** Detects the language of what the person wrote (not of a command word or a number they typed). */
  #detectLanguage(turn: Turn): void {
    const s = turn.session;
    const words = turn.text.startsWith("/") ? turn.text.replace(/^\/\S*/, "") : turn.text;
    if (s.lang || looksLikeReference(words) || !/\p{L}{2}/u.test(words)) return;
    const detected = detectLanguage(words, s.lastLang ?? this.#deps.config.LENTERA_DEFAULT_LANG);
    if (detected !== s.lastLang) s.lastLang = detected;
  }

  async #route(turn: Turn): Promise<OutboundMessage[]> {
    const { action } = turn.msg;
    const awaiting = turn.session.awaiting;
    turn.session.awaiting = undefined;

    if (action?.startsWith("lang:")) return this.#setLanguage(turn, langFromArg(action.slice("lang:".length)));
    if (awaiting === "delete") {
      if (action === ENGINE_ACTIONS.deleteYes || (!action && isKeyword(turn.text, "yes"))) return this.#deleteEverything(turn);
      if (action === ENGINE_ACTIONS.deleteNo || (!action && isKeyword(turn.text, "no")))
        return [{ text: texts(this.#lang(turn)).reports.deleteKept }];
    }

    const command = action ? menuCommand(action) : parseCommand(turn.text, { plainWords: !turn.session.flow });
    if (command) {
      turn.said = command.arg;
      return this.#onCommand(turn, command);
    }
    if (turn.session.flow) return this.#onFlow(turn);
    if (action) return this.#onAction(turn, action);
    return this.#onText(turn, awaiting);
  }

  async #onCommand(turn: Turn, command: Command): Promise<OutboundMessage[]> {
    const t = texts(this.#lang(turn));
    const inFlow = Boolean(turn.session.flow);
    switch (command.name) {
      case "start":
        return inFlow ? this.#inProgress(turn) : [this.#welcome(turn)];
      case "help":
        return inFlow ? this.#flowPrompt(turn, t.reports.flowHelp) : [{ text: t.common.help }];
      case "cek":
        if (inFlow) return this.#inProgress(turn);
        if (command.arg) return this.#check(turn, command.arg, true);
        turn.session.awaiting = "offer";
        return [{ text: t.common.offerAsk }];
      case "lapor":
        return inFlow ? this.#inProgress(turn) : this.#startReport(turn);
      case "status": {
        const replies = await this.#status(turn, command.arg);
        return inFlow ? [...replies, ...this.flow.prompt(turn.session.flow!)] : replies;
      }
      case "hapus":
        turn.session.awaiting = "delete";
        return [{
          text: t.reports.deleteConfirm,
          options: [{ id: ENGINE_ACTIONS.deleteYes, label: t.reports.deleteYes }, { id: ENGINE_ACTIONS.deleteNo, label: t.reports.deleteNo }],
        }];
      case "bahasa":
        return this.#setLanguage(turn, langFromArg(command.arg));
      case "cancel":
        return inFlow ? this.#onFlow({ ...turn, msg: { ...turn.msg, action: ACTIONS.cancel } }) : [{ text: t.common.nothingToCancel }];
    }
  }

  #welcome(turn: Turn): OutboundMessage {
    const t = texts(this.#lang(turn)).common;
    return {
      text: t.welcome,
      options: [
        { id: ENGINE_ACTIONS.menu("cek"), label: t.menu.check },
        { id: ENGINE_ACTIONS.menu("lapor"), label: t.menu.report },
        { id: ENGINE_ACTIONS.menu("status"), label: t.menu.status },
        { id: ENGINE_ACTIONS.menu("bahasa"), label: t.menu.language },
        { id: ENGINE_ACTIONS.menu("hapus"), label: t.menu.delete },
      ],
    };
  }

  #setLanguage(turn: Turn, lang: Lang | undefined): OutboundMessage[] {
    if (!lang) {
      const t = texts(this.#lang(turn)).common;
      return [{
        text: t.chooseLanguage,
        options: (["id", "en"] as const).map((l) => ({ id: ENGINE_ACTIONS.lang(l), label: t.languageNames[l] })),
      }];
    }
    turn.session.lang = lang;
    const replies: OutboundMessage[] = [{ text: texts(lang).common.languageSet }];
    if (turn.session.flow) {
      turn.session.flow = { ...turn.session.flow, lang };
      replies.push(...this.flow.prompt(turn.session.flow));
    }
    return replies;
  }

  #inProgress(turn: Turn): OutboundMessage[] {
    const t = texts(this.#lang(turn)).reports;
    return [{
      text: t.inProgress,
      options: [{ id: ENGINE_ACTIONS.continueReport, label: t.continueReport }, { id: ACTIONS.cancel, label: t.cancel }],
    }];
  }

  #flowPrompt(turn: Turn, note: string): OutboundMessage[] {
    return [{ text: note }, ...this.flow.prompt(turn.session.flow!)];
  }

  #startReport(turn: Turn, kind?: TipKind, prefill?: Record<string, unknown>): OutboundMessage[] {
    const { state, replies } = this.flow.start(this.#lang(turn), kind, prefill);
    turn.session.flow = state;
    return replies;
  }

  async #onFlow(turn: Turn): Promise<OutboundMessage[]> {
    const flow = turn.session.flow!;
    const { action } = turn.msg;
    if (action === ENGINE_ACTIONS.continueReport) return this.flow.prompt(flow);
    if (action && !FLOW_ACTION.test(action)) return this.#inProgress(turn);
    const result = await this.flow.handle(
      flow,
      { text: turn.msg.text, action, attachments: turn.msg.attachments },
      { channel: turn.msg.channel, address: turn.msg.address },
    );
    turn.session.flow = result.state;
    if (result.submitted) {
      turn.submitted = true;
      turn.session.lastReport = { ref: result.submitted.ref };
    }
    return result.replies;
  }

  /** Buttons pressed outside a report: start one, or an old button from an earlier message. */
  #onAction(turn: Turn, action: string): OutboundMessage[] {
    // "Send" again after the report went (its reply may never have arrived): the reference, not a menu.
    const sent = turn.session.lastReport;
    if (action === ACTIONS.send && sent) return [{ text: texts(this.#lang(turn)).reports.alreadySent(sent.ref) }];
    const kind = TIP_KINDS.find((k) => action === ACTIONS.report(k));
    if (kind) return this.#startReport(turn, kind);
    if (action === OFFER_ACTIONS.report) {
      const offer = turn.session.lastOffer;
      return this.#startReport(turn, "recruiter", offer ? recruiterPrefill(offer) : undefined);
    }
    return [this.#welcome(turn)];
  }

  async #onText(turn: Turn, awaiting: Session["awaiting"]): Promise<OutboundMessage[]> {
    const { text, msg } = turn;
    const t = texts(this.#lang(turn));
    if (!text) return [{ text: t.common.empty }];
    if (awaiting === "offer") return this.#check(turn, text, true);
    if (looksLikeReference(text) || (awaiting === "status" && text.length <= MAX_REFERENCE_CHARS)) return this.#status(turn, text);

    const reply = await this.#deps.tips.addReporterReply(msg.channel, msg.address, text);
    if (reply) {
      turn.relayed = true;
      return [{ text: t.reports.replyForwarded(reply.ref) }];
    }

    return (await this.#check(turn, text, false)) ?? this.#answer(turn);
  }

  /**
   * A job offer (pasted, forwarded, or sent after /cek) gets the red-flag check; a question about one
   * company ("apakah PT Maju Jaya resmi?") gets the licensed-agency registry's answer. Text sent after
   * /cek is checked either way; other text only when it looks like one of the two.
   */
  async #check(turn: Turn, text: string, asked: true): Promise<OutboundMessage[]>;
  async #check(turn: Turn, text: string, asked: boolean): Promise<OutboundMessage[] | undefined>;
  async #check(turn: Turn, text: string, asked: boolean): Promise<OutboundMessage[] | undefined> {
    const { offers } = this.#deps;
    const lang = this.#lang(turn);
    const isOffer = turn.msg.forwarded || offers.looksLikeOffer(text);
    // After /cek a bare company name ("PT Maju Jaya") asks about that company.
    const company = isOffer ? undefined : offers.agencyQuery?.(asked ? `cek ${text}` : text);
    if (company && offers.checkAgency) return [renderAgencyMatch(await offers.checkAgency(company), lang)];
    if (!isOffer && !asked) return undefined;
    const check = await offers.check(text, { lang });
    turn.session.lastOffer = rememberOffer(text, check);
    return [renderOfferCheck(check, lang)];
  }

  async #answer(turn: Turn): Promise<OutboundMessage[]> {
    const lang = this.#lang(turn);
    const t = texts(lang).common;
    const answer = await this.#deps.qa.answer(turn.text.slice(0, MAX_QUESTION_CHARS), { lang });
    const titles = answer.sources.map((s) => s.title).filter((title) => !answer.answer.includes(title));
    const text = titles.length > 0 && !answer.refused ? `${answer.answer}\n\n${t.source(titles.join("; "))}` : answer.answer;
    if (!answer.danger) return [{ text }];
    turn.guided = true;
    return [{ text, urgent: true, options: [{ id: ACTIONS.report("danger_now"), label: t.reportDanger }] }];
  }

  async #status(turn: Turn, arg: string): Promise<OutboundMessage[]> {
    const t = texts(this.#lang(turn)).reports;
    const { msg } = turn;
    const refs = arg.trim()
      ? [arg.trim().slice(0, MAX_REFERENCE_CHARS)]
      : ((await this.#deps.tips.refsForReporter?.(msg.channel, msg.address)) ?? []).slice(-MAX_LISTED_REFS);
    if (refs.length === 0) {
      turn.session.awaiting = "status";
      return [{ text: t.statusAsk }];
    }
    const replies: OutboundMessage[] = [];
    for (const ref of refs) replies.push({ text: await this.#statusLine(turn, ref) });
    return replies;
  }

  async #statusLine(turn: Turn, ref: string): Promise<string> {
    const lang = this.#lang(turn);
    const t = texts(lang).reports;
    const view = await this.#deps.tips.statusForReporter(ref);
    if (!view) return t.statusUnknown(ref);
    const lines = [t.statusReply(view.ref, t.kindNames[view.kind], t.statusLabels[view.status], formatDateTime(view.createdAt, lang))];
    if (view.status !== "closed" && view.dueAt > this.#now()) lines.push(t.statusDue(formatDateTime(view.dueAt, lang)));
    return lines.join("\n");
  }

  async #deleteEverything(turn: Turn): Promise<OutboundMessage[]> {
    const { msg } = turn;
    const lang = this.#lang(turn);
    const count = await this.#deps.tips.deleteReporterData(msg.channel, msg.address);
    await turn.sessions.delete(msg.channel, msg.address);
    turn.deleted = true;
    return [{ text: texts(lang).reports.deleteDone(count) }];
  }
}

function rememberHandled(previous: Handled | undefined, eventId: string, replies: OutboundMessage[]): Handled {
  return { eventIds: [...(previous?.eventIds ?? []), eventId].slice(-HANDLED_MEMORY), replies };
}

function menuCommand(action: string): Command | undefined {
  const name = action.startsWith("menu:") ? action.slice("menu:".length) : undefined;
  const command = parseCommand(`/${name ?? ""}`, { plainWords: false });
  return name && command ? command : undefined;
}
