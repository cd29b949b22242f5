/**
 * OutboundMessage → Telegram sendMessage calls: choices become inline keyboard buttons whose
 * callback_data is the option id; long texts are split at Telegram's 4096-character limit.
 * Plain text only (no parse_mode), so nothing the engine or a user wrote can break the markup.
 */
import { InlineKeyboard, type Api } from "grammy";
import type { OutboundMessage, ReplyOption } from "../../core/messages.js";
import { splitText } from "../shared/split-text.js";

export const TELEGRAM_TEXT_LIMIT = 4096;
const CALLBACK_DATA_LIMIT_BYTES = 64;

/** One button per row: labels stay readable on small screens. */
export function keyboardFor(options: ReplyOption[]): InlineKeyboard {
  return InlineKeyboard.from(
    options.map((option) => {
      if (Buffer.byteLength(option.id) > CALLBACK_DATA_LIMIT_BYTES) {
        throw new Error(`reply option id longer than Telegram's ${CALLBACK_DATA_LIMIT_BYTES}-byte callback_data limit`);
      }
      return [InlineKeyboard.text(option.label, option.id)];
    }),
  );
}

export interface TelegramSend {
  text: string;
  reply_markup?: InlineKeyboard;
}

export function toTelegramSends(message: OutboundMessage): TelegramSend[] {
  // Telegram rejects empty messages; an empty reply means there is nothing to say.
  if (message.text.trim() === "") return [];
  const chunks = splitText(message.text, TELEGRAM_TEXT_LIMIT);
  const options = message.options ?? [];
  return chunks.map((text, i) =>
    i === chunks.length - 1 && options.length > 0 ? { text, reply_markup: keyboardFor(options) } : { text },
  );
}

/** Sends replies in order (each waits for the previous one, so they arrive in order). */
export async function sendReplies(api: Api, chatId: number | string, messages: OutboundMessage[]): Promise<void> {
  for (const message of messages) {
    for (const send of toTelegramSends(message)) {
      // Link previews cost data and time on weak connections; the links stay tappable.
      await api.sendMessage(chatId, send.text, {
        link_preview_options: { is_disabled: true },
        ...(send.reply_markup ? { reply_markup: send.reply_markup } : {}),
      });
    }
  }
}
