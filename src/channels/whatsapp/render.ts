/**
 * OutboundMessage → WhatsApp Cloud API messages. Choices become reply buttons (at most 3, titles
 * ≤ 20 characters), else a list message (at most 10 rows, titles ≤ 24 characters, the full label
 * in the row description), else numbered text the user answers with a number. Long texts are split
 * at WhatsApp's limits.
 */
import type { Lang, OutboundMessage, ReplyOption } from "../../core/messages.js";
import { texts } from "../../i18n/index.js";
import { splitText } from "../shared/split-text.js";
import type { OutgoingMessage } from "./graph-client.js";

export const WHATSAPP_LIMITS = {
  text: 4096,
  buttons: 3,
  buttonTitle: 20,
  buttonBody: 1024,
  rows: 10,
  rowTitle: 24,
  rowDescription: 72,
  listBody: 4096,
  listButton: 20,
} as const;

const chars = (s: string) => [...s].length;
/** Cuts by code points so an emoji is never split in half. */
const clip = (s: string, max: number) => (chars(s) <= max ? s : `${[...s].slice(0, max - 1).join("")}…`);

const textMessage = (body: string): OutgoingMessage => ({ type: "text", text: { body, preview_url: false } });

function buttonsMessage(body: string, options: ReplyOption[]): OutgoingMessage {
  return {
    type: "interactive",
    interactive: {
      type: "button",
      body: { text: body },
      action: { buttons: options.map((o) => ({ type: "reply" as const, reply: { id: o.id, title: o.label } })) },
    },
  };
}

function listMessage(body: string, options: ReplyOption[], lang: Lang): OutgoingMessage {
  const rows = options.map((o) =>
    chars(o.label) <= WHATSAPP_LIMITS.rowTitle
      ? { id: o.id, title: o.label }
      : { id: o.id, title: clip(o.label, WHATSAPP_LIMITS.rowTitle), description: clip(o.label, WHATSAPP_LIMITS.rowDescription) },
  );
  return {
    type: "interactive",
    interactive: {
      type: "list",
      body: { text: body },
      action: { button: clip(texts(lang).whatsapp.listButton, WHATSAPP_LIMITS.listButton), sections: [{ rows }] },
    },
  };
}

function numberedText(text: string, options: ReplyOption[], lang: Lang): string {
  const lines = options.map((o, i) => `${i + 1}. ${o.label}`);
  return [text.trim(), lines.join("\n"), texts(lang).whatsapp.numberedHint].filter(Boolean).join("\n\n");
}

/** Texts up to `lastLimit` for the final part (an interactive body is shorter than a text message). */
function splitForLast(text: string, lastLimit: number): string[] {
  const parts = splitText(text, WHATSAPP_LIMITS.text);
  const last = parts.pop() ?? "";
  return [...parts, ...splitText(last, lastLimit)];
}

export type ChoiceStyle = "buttons" | "list" | "numbered";

export function choiceStyle(options: ReplyOption[]): ChoiceStyle {
  if (options.length <= WHATSAPP_LIMITS.buttons && options.every((o) => chars(o.label) <= WHATSAPP_LIMITS.buttonTitle)) return "buttons";
  if (options.length <= WHATSAPP_LIMITS.rows) return "list";
  return "numbered";
}

export function toWhatsAppMessages(message: OutboundMessage, lang: Lang): OutgoingMessage[] {
  const options = message.options ?? [];
  if (options.length === 0) {
    return message.text.trim() === "" ? [] : splitText(message.text, WHATSAPP_LIMITS.text).map(textMessage);
  }
  const style = choiceStyle(options);
  if (style === "numbered") return splitText(numberedText(message.text, options, lang), WHATSAPP_LIMITS.text).map(textMessage);
  const text = message.text.trim() === "" ? texts(lang).whatsapp.choose : message.text;
  const parts = splitForLast(text, style === "buttons" ? WHATSAPP_LIMITS.buttonBody : WHATSAPP_LIMITS.listBody);
  const body = parts.pop()!;
  const interactive = style === "buttons" ? buttonsMessage(body, options) : listMessage(body, options, lang);
  return [...parts.map(textMessage), interactive];
}

/** A typed number picks from the numbered list last shown; anything else is free text for the engine. */
export function matchTypedChoice(text: string, options: ReplyOption[]): string | undefined {
  const number = /^(\d{1,2})\.?$/.exec(text.trim());
  return number ? options[Number(number[1]) - 1]?.id : undefined;
}
