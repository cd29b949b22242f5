/**
 * Runs an officer action through TipService (which writes the audit log and enqueues the Slack
 * update and any notice to the reporter) and explains failures in officer terms.
 */
import { TipError } from "../../../core/tips/errors.js";
import type { OfficerAction } from "../../../core/tips/types.js";
import { texts } from "../../../i18n/index.js";
import type { ListenerContext } from "./context.js";

type ActResult = { ok: true } | { ok: false; message: string };

export async function actAsOfficer(
  ctx: ListenerContext,
  ref: string,
  officer: string,
  action: OfficerAction,
  data?: { text?: string; outcome?: string },
): Promise<ActResult> {
  try {
    await ctx.tips.act(ref, officer, action, data);
    ctx.wakeWorker();
    return { ok: true };
  } catch (err) {
    const code = err instanceof TipError ? err.code : "unexpected";
    if (code === "unexpected") ctx.logger.error({ action, err: errorName(err) }, "officer action failed");
    else ctx.logger.info({ action, code }, "officer action refused");
    return { ok: false, message: texts(ctx.lang).slack.actionFailed(explain(err, ref, ctx)) };
  }
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : "unknown";
}

/** TipService messages are written for the CLI; officers get translated ones by error code. */
function explain(err: unknown, ref: string, ctx: ListenerContext): string {
  const slack = texts(ctx.lang).slack;
  if (!(err instanceof TipError)) return slack.unknownError;
  switch (err.code) {
    case "not_found":
      return slack.tipNotFound(ref);
    case "invalid_transition":
      return slack.invalidTransition;
    case "invalid_input":
      return slack.invalidInput;
  }
}
