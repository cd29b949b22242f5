/**
 * The tip message's buttons and the Ask / Close modals. Every request is acknowledged first
 * (Slack's 3-second rule), then checked: only officers may act, others get an ephemeral refusal.
 */
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { OfficerAction } from "../../../core/tips/types.js";
import { texts } from "../../../i18n/index.js";
import { ACTIONS, INPUTS, OUTCOMES, VIEWS, askModal, closeModal, refFromPrivateMetadata } from "../blocks.js";
import { describeSlackFailure } from "../errors.js";
import { actAsOfficer } from "./act.js";
import type { ListenerContext } from "./context.js";
import { refreshHome } from "./home.js";

const DIRECT_ACTIONS: [actionId: string, action: OfficerAction][] = [
  [ACTIONS.claim, "claim"],
  [ACTIONS.escalate, "escalate"],
  [ACTIONS.reopen, "reopen"],
];

async function ephemeral(respond: RespondFn, text: string): Promise<void> {
  await respond({ response_type: "ephemeral", replace_original: false, text });
}

export function registerTipActions(app: App, ctx: ListenerContext): void {
  const slack = texts(ctx.lang).slack;

  for (const [actionId, action] of DIRECT_ACTIONS) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action: button, respond, client }) => {
      await ack();
      const officer = body.user.id;
      if (!(await ctx.officers.isOfficer(officer))) return ephemeral(respond, slack.refused);
      const result = await actAsOfficer(ctx, button.value ?? "", officer, action);
      if (!result.ok) return ephemeral(respond, result.message);
      await refreshHome(client, officer, ctx);
    });
  }

  const modals: [actionId: string, open: typeof askModal][] = [
    [ACTIONS.ask, askModal],
    [ACTIONS.close, closeModal],
  ];
  for (const [actionId, modal] of modals) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action: button, respond, client }) => {
      await ack();
      if (!(await ctx.officers.isOfficer(body.user.id))) return ephemeral(respond, slack.refused);
      try {
        await client.views.open({ trigger_id: body.trigger_id, view: modal(button.value ?? "", ctx.lang) });
      } catch (err) {
        ctx.logger.warn({ err: describeSlackFailure(err) }, "could not open a modal");
        await ephemeral(respond, slack.actionFailed(slack.unknownError));
      }
    });
  }

  app.view(VIEWS.ask, async ({ ack, body, view, client }) => {
    const officer = body.user.id;
    if (!(await ctx.officers.isOfficer(officer))) {
      return ack({ response_action: "errors", errors: { [INPUTS.question]: slack.refused } });
    }
    const ref = refFromPrivateMetadata(view.private_metadata) ?? "";
    const question = view.state.values[INPUTS.question]?.[INPUTS.value]?.value?.trim() ?? "";
    if (question.length < 2) return ack({ response_action: "errors", errors: { [INPUTS.question]: slack.questionRequired } });
    const result = await actAsOfficer(ctx, ref, officer, "ask", { text: question });
    if (!result.ok) return ack({ response_action: "errors", errors: { [INPUTS.question]: result.message } });
    await ack();
    await refreshHome(client, officer, ctx);
  });

  app.view(VIEWS.close, async ({ ack, body, view, client }) => {
    const officer = body.user.id;
    if (!(await ctx.officers.isOfficer(officer))) {
      return ack({ response_action: "errors", errors: { [INPUTS.outcome]: slack.refused } });
    }
    const ref = refFromPrivateMetadata(view.private_metadata) ?? "";
    const outcome = view.state.values[INPUTS.outcome]?.[INPUTS.value]?.selected_option?.value ?? "";
    if (!(OUTCOMES as readonly string[]).includes(outcome)) {
      return ack({ response_action: "errors", errors: { [INPUTS.outcome]: slack.outcomeLabel } });
    }
    const note = view.state.values[INPUTS.note]?.[INPUTS.value]?.value?.trim() || undefined;
    const result = await actAsOfficer(ctx, ref, officer, "close", { outcome, ...(note ? { text: note } : {}) });
    if (!result.ok) return ack({ response_action: "errors", errors: { [INPUTS.outcome]: result.message } });
    await ack();
    await refreshHome(client, officer, ctx);
  });
}
