/**
 * A WhatsApp webhook message → the engine's InboundMessage. Images and documents become attachments
 * whose ref is the WhatsApp media id (fetchable with GraphClient.downloadMedia; Meta keeps webhook
 * media for 7 days). Button and list taps become `action`.
 */
import type { Attachment, InboundMessage } from "../../core/messages.js";
import type { WhatsAppInboundMessage } from "./schemas.js";

export type Conversion =
  | { kind: "message"; inbound: InboundMessage }
  /** A type the bot cannot read (voice note, sticker, location…): the user is told so. */
  | { kind: "unsupported" }
  /** Nothing to answer (an emoji reaction to an earlier message). */
  | { kind: "ignore" };

const SILENT_TYPES = new Set(["reaction", "system", "ephemeral"]);

function attachmentOf(message: WhatsAppInboundMessage): Attachment | undefined {
  const media = message.type === "image" ? message.image : message.type === "document" ? message.document : undefined;
  if (!media) return undefined;
  return {
    kind: message.type === "image" ? "photo" : "document",
    ref: media.id,
    ...(media.mime_type ? { mime: media.mime_type } : {}),
    ...(media.caption ? { caption: media.caption } : {}),
  };
}

/** Indonesian numbers (+62) are a good first guess until the user picks a language. */
const langHintFor = (waId: string) => (waId.startsWith("62") ? "id" : undefined);

export function toInbound(message: WhatsAppInboundMessage): Conversion {
  if (SILENT_TYPES.has(message.type)) return { kind: "ignore" };
  const base = {
    channel: "whatsapp" as const,
    address: message.from,
    eventId: message.id,
    forwarded: Boolean(message.context?.forwarded || message.context?.frequently_forwarded),
    ...(langHintFor(message.from) ? { langHint: langHintFor(message.from) } : {}),
  };
  switch (message.type) {
    case "text":
      return message.text ? { kind: "message", inbound: { ...base, text: message.text.body } } : { kind: "unsupported" };
    case "interactive": {
      const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
      return reply ? { kind: "message", inbound: { ...base, action: reply.id } } : { kind: "unsupported" };
    }
    case "button":
      return message.button ? { kind: "message", inbound: { ...base, text: message.button.text } } : { kind: "unsupported" };
    case "image":
    case "document": {
      const attachment = attachmentOf(message);
      if (!attachment) return { kind: "unsupported" };
      return {
        kind: "message",
        inbound: { ...base, attachments: [attachment], ...(attachment.caption ? { text: attachment.caption } : {}) },
      };
    }
    default:
      return { kind: "unsupported" };
  }
}
