/**
 * The guided report flow: one channel-agnostic state machine
 *   kind → consent → questions (skip / back / cancel) → summary (send / change / cancel) → submit.
 * The state is plain JSON (the caller persists it after every step, so a restart resumes exactly
 * here); nothing personal exists in it before the reporter agreed to the consent notice.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { langSchema, type Lang, type OutboundMessage, type ReplyOption, type ReporterChannel } from "../messages.js";
import type { TipService } from "../ports.js";
import { TIP_KINDS, type NewTip, type SubmittedTip, type TipKind } from "../tips/types.js";
import type { Logger } from "../../logger.js";
import { texts } from "../../i18n/index.js";
import { choiceLabel, pickAction, readAnswer, type ReplyInput } from "./answers.js";
import { consentNoticeVersion } from "./consent.js";
import { reportEntities, type EntityExtractor } from "./entities.js";
import { REPORT_FIELDS, type FieldSpec } from "./fields.js";
import { formatAnswer, reportSummary } from "./summary.js";
import { formatDuration } from "./format.js";
import { isKeyword } from "./keywords.js";
import { reportSchemas } from "./schemas.js";

export const flowStateSchema = z.object({
  kind: z.enum(TIP_KINDS).optional(),
  lang: langSchema,
  step: z.enum(["kind", "consent", "field", "confirm", "edit"]),
  /** Position in REPORT_FIELDS[kind] while step is "field". */
  index: z.number().int().min(0).default(0),
  /** Answers by field key; null marks a skipped question. */
  answers: z.record(z.string(), z.unknown()).default({}),
  /** Answers that came with the report (e.g. from an offer check): not asked again, still editable. */
  prefilled: z.array(z.string()).default([]),
  /** A question re-opened from the summary goes back to the summary once answered. */
  editing: z.boolean().default(false),
  consent: z.object({ at: z.iso.datetime(), noticeVersion: z.string() }).optional(),
  /**
   * Drawn when the report starts and sent with it: if the tip was filed but this state was not saved
   * (a crash in between), "Send" again returns the same reference instead of filing it twice.
   */
  submissionId: z.string().min(8).max(64).optional(),
}).refine((s) => s.step === "kind" || (s.kind !== undefined && s.index < REPORT_FIELDS[s.kind].length), {
  message: "a report step without its kind or question",
});
export type FlowState = z.infer<typeof flowStateSchema>;

export interface FlowResult {
  /** undefined: the flow is over (sent, cancelled or declined). */
  state?: FlowState;
  replies: OutboundMessage[];
  submitted?: SubmittedTip;
}

export interface ReportFlowDeps {
  tips: Pick<TipService, "submit">;
  extractEntities: EntityExtractor;
  retentionDays: number;
  /** Response target per kind, in minutes (from config). */
  responseTargets: Record<TipKind, number>;
  logger: Logger;
  now?: () => Date;
}

export interface Reporter {
  channel: ReporterChannel;
  address: string;
}

export const ACTIONS = {
  report: (kind: TipKind) => `report:${kind}`,
  consentYes: "consent:yes",
  consentNo: "consent:no",
  skip: "flow:skip",
  back: "flow:back",
  cancel: "flow:cancel",
  send: "confirm:send",
  edit: "confirm:edit",
  editField: (key: string) => `edit:${key}`,
} as const;

const KIND_ACTION = /^report:(.+)$/;

const isControl = (input: ReplyInput, action: string, keyword: Parameters<typeof isKeyword>[1]) =>
  input.action === action || (!input.action && isKeyword(input.text, keyword));

export class ReportFlow {
  private readonly now: () => Date;
  readonly noticeVersion: string;

  constructor(private readonly deps: ReportFlowDeps) {
    this.now = deps.now ?? (() => new Date());
    this.noticeVersion = consentNoticeVersion(deps.retentionDays);
  }

  /** Starts a report; without a kind the reporter is asked which kind first. */
  start(lang: Lang, kind?: TipKind, prefill: Record<string, unknown> = {}): FlowResult {
    const state: FlowState = {
      kind,
      lang,
      step: kind ? "consent" : "kind",
      index: 0,
      answers: { ...prefill },
      prefilled: Object.keys(prefill),
      editing: false,
      submissionId: randomUUID(),
    };
    const replies = this.prompt(state);
    if (kind === "danger_now") replies.unshift(this.dangerNotice(lang));
    return { state, replies };
  }

  /** The current question again (after a restart, an interruption or a language change). */
  prompt(state: FlowState, error?: string): OutboundMessage[] {
    const t = texts(state.lang).reports;
    const withError = (text: string) => (error ? `${error}\n\n${text}` : text);
    const cancel = { id: ACTIONS.cancel, label: t.cancel };
    switch (state.step) {
      case "kind":
        return [{
          text: withError(t.chooseKind),
          options: [...TIP_KINDS.map((k) => ({ id: ACTIONS.report(k), label: t.kinds[k] })), cancel],
        }];
      case "consent":
        return [{
          text: withError(t.consent(this.deps.retentionDays)),
          options: [{ id: ACTIONS.consentYes, label: t.consentYes }, { id: ACTIONS.consentNo, label: t.consentNo }],
        }];
      case "field": {
        const field = this.fields(state)[state.index]!;
        const current = state.answers[field.key];
        const question = t.questions[field.key as keyof typeof t.questions];
        const options: ReplyOption[] = (field.choices ?? []).map((c) => ({
          id: pickAction(field.key, c),
          label: choiceLabel(field, c, state.lang),
        }));
        if (field.optional) options.push({ id: ACTIONS.skip, label: t.skip });
        options.push({ id: ACTIONS.back, label: t.back }, cancel);
        const shown = current === undefined || current === null ? question
          : `${question}\n(${t.currentAnswer(formatAnswer(field, current, state.lang))})`;
        return [{ text: withError(shown), options }];
      }
      case "confirm":
        return [{
          text: withError(`${reportSummary(state.kind!, state.answers, state.lang)}\n\n${t.confirmQuestion}`),
          options: [{ id: ACTIONS.send, label: t.send }, { id: ACTIONS.edit, label: t.edit }, cancel],
        }];
      case "edit":
        return [{
          text: withError(t.editWhich),
          options: [
            ...this.fields(state).map((f) => ({ id: ACTIONS.editField(f.key), label: t.labels[f.key as keyof typeof t.labels] })),
            { id: ACTIONS.back, label: t.back },
          ],
        }];
    }
  }

  async handle(state: FlowState, input: ReplyInput, reporter: Reporter): Promise<FlowResult> {
    const t = texts(state.lang).reports;
    if (isControl(input, ACTIONS.cancel, "cancel")) return { replies: [{ text: t.cancelled }] };
    switch (state.step) {
      case "kind":
        return this.onKind(state, input);
      case "consent":
        return this.onConsent(state, input);
      case "field":
        return this.onField(state, input);
      case "confirm":
        return this.onConfirm(state, input, reporter);
      case "edit":
        return this.onEdit(state, input);
    }
  }

  private fields(state: FlowState): readonly FieldSpec[] {
    return REPORT_FIELDS[state.kind!];
  }

  private dangerNotice(lang: Lang): OutboundMessage {
    return { text: texts(lang).reports.dangerFirst, urgent: true };
  }

  private reply(state: FlowState, error?: string): FlowResult {
    return { state, replies: this.prompt(state, error) };
  }

  private onKind(state: FlowState, input: ReplyInput): FlowResult {
    const t = texts(state.lang).reports;
    const picked = KIND_ACTION.exec(input.action ?? "")?.[1]
      ?? TIP_KINDS.find((k) => input.text?.trim().toLowerCase() === t.kinds[k].toLowerCase());
    const kind = TIP_KINDS.find((k) => k === picked);
    if (!kind) return this.reply(state, t.errors.pickOption);
    const next: FlowState = {
      ...state,
      kind,
      // Answers of another kind do not carry over; answers that came with the report do.
      answers: kind === state.kind ? state.answers : Object.fromEntries(state.prefilled.map((k) => [k, state.answers[k]])),
    };
    const result = next.consent ? this.firstQuestion(next) : this.reply({ ...next, step: "consent" });
    if (kind === "danger_now") result.replies.unshift(this.dangerNotice(state.lang));
    return result;
  }

  private onConsent(state: FlowState, input: ReplyInput): FlowResult {
    const t = texts(state.lang).reports;
    if (isControl(input, ACTIONS.consentNo, "no")) return { replies: [{ text: t.consentDeclined }] };
    if (!isControl(input, ACTIONS.consentYes, "yes")) return this.reply(state, t.errors.pickOption);
    return this.firstQuestion({
      ...state,
      consent: { at: this.now().toISOString(), noticeVersion: this.noticeVersion },
    });
  }

  private firstQuestion(state: FlowState): FlowResult {
    return this.advanceFrom({ ...state, step: "field", editing: false }, -1);
  }

  /** Next question after `index` that was not prefilled, or the summary when none is left. */
  private advanceFrom(state: FlowState, index: number): FlowResult {
    const fields = this.fields(state);
    let next = index + 1;
    while (next < fields.length && state.prefilled.includes(fields[next]!.key)) next++;
    if (state.editing || next >= fields.length) return this.reply({ ...state, step: "confirm", editing: false });
    return this.reply({ ...state, step: "field", index: next });
  }

  private onField(state: FlowState, input: ReplyInput): FlowResult {
    const t = texts(state.lang).reports;
    const field = this.fields(state)[state.index]!;
    if (isControl(input, ACTIONS.back, "back")) {
      if (state.editing) return this.reply({ ...state, step: "confirm", editing: false });
      let previous = state.index - 1;
      while (previous >= 0 && state.prefilled.includes(this.fields(state)[previous]!.key)) previous--;
      return previous >= 0 ? this.reply({ ...state, index: previous }) : this.reply({ ...state, step: "kind" });
    }
    if (isControl(input, ACTIONS.skip, "skip")) {
      if (!field.optional) return this.reply(state, t.errors.required);
      return this.advanceFrom({ ...state, answers: { ...state.answers, [field.key]: null } }, state.index);
    }
    const read = readAnswer(field, input, state.lang);
    if (!read.ok) return this.reply(state, read.error);
    return this.advanceFrom({ ...state, answers: { ...state.answers, [field.key]: read.value } }, state.index);
  }

  private onEdit(state: FlowState, input: ReplyInput): FlowResult {
    const t = texts(state.lang).reports;
    if (isControl(input, ACTIONS.back, "back")) return this.reply({ ...state, step: "confirm" });
    const index = this.fields(state).findIndex((f) => input.action === ACTIONS.editField(f.key));
    if (index < 0) return this.reply(state, t.errors.pickOption);
    return this.reply({ ...state, step: "field", index, editing: true });
  }

  private async onConfirm(state: FlowState, input: ReplyInput, reporter: Reporter): Promise<FlowResult> {
    const t = texts(state.lang).reports;
    if (isControl(input, ACTIONS.edit, "edit")) return this.reply({ ...state, step: "edit" });
    if (isControl(input, ACTIONS.back, "back")) {
      const fields = this.fields(state);
      return this.reply({ ...state, step: "field", index: fields.length - 1 });
    }
    if (!isControl(input, ACTIONS.send, "send") && !isControl(input, ACTIONS.send, "yes")) return this.reply(state, t.errors.pickOption);
    if (!state.consent) return this.reply({ ...state, step: "consent" });

    const kind = state.kind!;
    const { contact, ...answers } = state.answers;
    const parsed = reportSchemas[kind].safeParse(
      Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null && v !== undefined)),
    );
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const index = Math.max(0, this.fields(state).findIndex((f) => f.key === issue.path[0]));
      const errors = t.errors as Record<string, unknown>;
      const error = typeof errors[issue.message] === "string" ? (errors[issue.message] as string) : t.errors.invalid;
      return this.reply({ ...state, step: "field", index, editing: true }, error);
    }

    const { photo, ...details } = parsed.data as Record<string, unknown> & { photo?: NewTip["attachments"][number] };
    let submitted: SubmittedTip;
    try {
      submitted = await this.deps.tips.submit({
        kind,
        lang: state.lang,
        details,
        entities: await reportEntities(kind, details, this.deps.extractEntities),
        attachments: photo ? [photo] : [],
        reporter: { ...reporter, contact: typeof contact === "string" ? contact : undefined },
        consent: { at: new Date(state.consent.at), noticeVersion: state.consent.noticeVersion },
        ...(state.submissionId ? { submissionId: state.submissionId } : {}),
      });
    } catch (err) {
      this.deps.logger.error({ err, kind }, "report submission failed; the reporter can retry");
      return { state, replies: [{ text: t.submitFailed, options: this.prompt(state)[0]!.options }] };
    }
    const replies: OutboundMessage[] = [{
      text: t.submitted(submitted.ref, formatDuration(this.deps.responseTargets[kind], state.lang)),
      urgent: kind === "danger_now",
    }];
    return { replies, submitted };
  }
}
