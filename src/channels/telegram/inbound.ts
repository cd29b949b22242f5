/**
 * Telegram update → InboundMessage. Pure: no I/O, so every mapping rule is visible in one place.
 */
import type { Message, Update } from "grammy/types";
import type { Attachment, InboundMessage } from "../../core/messages.js";

export type TelegramInbound =
  | { kind: "message"; message: InboundMessage }
  /** A message the bot cannot read (voice note, sticker, location…): the user is told what works. */
  | { kind: "unsupported" }
  /** Nothing for the conversation (edits, membership changes, service messages). */
  | { kind: "ignore" };

const IGNORE: TelegramInbound = { kind: "ignore" };

function attachmentsOf(msg: Message): Attachment[] {
  const caption = msg.caption;
  // Telegram sends every size of a photo, smallest first; the last is the original.
  const photo = msg.photo?.at(-1);
  if (photo) return [{ kind: "photo", ref: photo.file_id, mime: "image/jpeg", ...(caption ? { caption } : {}) }];
  const doc = msg.document;
  if (doc) return [{ kind: "document", ref: doc.file_id, ...(doc.mime_type ? { mime: doc.mime_type } : {}), ...(caption ? { caption } : {}) }];
  return [];
}

function fromMessage(msg: Message, eventId: string): TelegramInbound {
  const attachments = attachmentsOf(msg);
  if (msg.text === undefined && attachments.length === 0) {
    // Service messages (pins, joins…) carry no content and need no answer; user content we cannot read does.
    const userContent = msg.voice ?? msg.audio ?? msg.video ?? msg.video_note ?? msg.sticker ?? msg.location ?? msg.contact ?? msg.animation ?? msg.poll;
    return userContent ? { kind: "unsupported" } : IGNORE;
  }
  return {
    kind: "message",
    message: {
      channel: "telegram",
      address: String(msg.chat.id),
      // A caption stays on its attachment; the engine reads it as the message text when there is none.
      ...(msg.text !== undefined ? { text: msg.text } : {}),
      attachments,
      ...(msg.from?.language_code ? { langHint: msg.from.language_code } : {}),
      forwarded: msg.forward_origin !== undefined,
      eventId,
    },
  };
}

export function toInbound(update: Update): TelegramInbound {
  const eventId = String(update.update_id);
  if (update.message) return fromMessage(update.message, eventId);
  const cb = update.callback_query;
  if (cb?.data !== undefined && cb.message) {
    return {
      kind: "message",
      message: {
        channel: "telegram",
        address: String(cb.message.chat.id),
        action: cb.data,
        attachments: [],
        ...(cb.from.language_code ? { langHint: cb.from.language_code } : {}),
        forwarded: false,
        eventId,
      },
    };
  }
  return IGNORE;
}
