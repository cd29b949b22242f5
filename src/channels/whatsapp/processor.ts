/**
 * Handles one stored WhatsApp message: records the 24-hour window, releases notices that waited for
 * it, applies flood control, maps typed numbers to the choices last shown, asks the conversation
 * engine, and sends the replies in order.
 *
 * Once the engine has run, the message counts as handled even if it failed: running it again
 * could repeat side effects (a submitted report), so the user gets a generic apology instead.
 */
import type { InboundMessage, Lang, OutboundMessage } from "../../core/messages.js";
import { detectLanguage } from "../../core/text/language.js";
import { texts } from "../../i18n/index.js";
import type { Logger } from "../../logger.js";
import type { WhatsAppContacts } from "./contacts.js";
import type { GraphClient } from "./graph-client.js";
import { choiceStyle, matchTypedChoice, toWhatsAppMessages } from "./render.js";
import type { WhatsAppInboundMessage } from "./schemas.js";
import { toInbound } from "./to-inbound.js";
import { errorSummary } from "../../logger.js";
import type { RateLimiter } from "../shared/rate-limit.js";

export interface ProcessorDeps {
  engine: { handle(msg: InboundMessage): Promise<OutboundMessage[]> };
  graph: Pick<GraphClient, "send">;
  contacts: WhatsAppContacts;
  limiter: RateLimiter;
  /** Makes the given notices due now (they waited for the reporter to write). */
  releaseNotices(ids: string[]): Promise<void>;
  defaultLang: Lang;
  logger: Logger;
}

export function createProcessor(deps: ProcessorDeps) {
  const { engine, graph, contacts, limiter, logger } = deps;

  /** Replies come from the engine in the user's language, so their text tells which language to frame them in. */
  const langOf = (text: string, fallback: Lang): Lang => detectLanguage(text, fallback);

  async function send(address: string, replies: OutboundMessage[], fallbackLang: Lang): Promise<void> {
    for (const reply of replies) {
      for (const message of toWhatsAppMessages(reply, langOf(reply.text, fallbackLang))) await graph.send(address, message);
    }
  }

  return async function processMessage(message: WhatsAppInboundMessage): Promise<void> {
    const address = message.from;
    const shownChoices = await contacts.recordInbound(address, new Date(Number(message.timestamp) * 1000));
    const waiting = await contacts.releaseWaiting(address);
    if (waiting.length > 0) await deps.releaseNotices(waiting);

    const conversion = toInbound(message);
    if (conversion.kind === "ignore") return;
    const guessLang = langOf(message.text?.body ?? "", message.from.startsWith("62") ? "id" : deps.defaultLang);
    const decision = await limiter.check(`whatsapp:${address}`);
    if (decision !== "allow") {
      if (decision === "warn") await send(address, [{ text: texts(guessLang).common.rateLimited }], guessLang);
      logger.info({ decision }, "whatsapp sender over the rate limit");
      return;
    }
    if (conversion.kind === "unsupported") {
      logger.info({ type: message.type }, "whatsapp message type not supported");
      return send(address, [{ text: texts(guessLang).whatsapp.unsupported }], guessLang);
    }

    const inbound = conversion.inbound;
    if (inbound.text !== undefined && inbound.action === undefined && !inbound.attachments?.length && shownChoices.length > 0) {
      const action = matchTypedChoice(inbound.text, shownChoices);
      if (action) {
        delete inbound.text;
        inbound.action = action;
      }
    }

    let replies: OutboundMessage[];
    try {
      replies = await engine.handle(inbound);
    } catch (err) {
      logger.error({ err: errorSummary(err) }, "engine failed on a whatsapp message");
      await send(address, [{ text: texts(guessLang).common.error }], guessLang);
      return;
    }
    // Only a numbered list is answered by typing a number; buttons and lists send the option id.
    const last = [...replies].reverse().find((r) => r.options?.length)?.options;
    const numbered = last && choiceStyle(last) === "numbered" ? last : [];
    if (numbered.length > 0 || shownChoices.length > 0) await contacts.setChoices(address, numbered);
    try {
      await send(address, replies, guessLang);
    } catch (err) {
      // Not retried through the inbox: that would run the engine a second time.
      logger.error({ err: errorSummary(err) }, "whatsapp reply not delivered");
    }
  };
}

export type ProcessMessage = ReturnType<typeof createProcessor>;
