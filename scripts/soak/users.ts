/**
 * Virtual Telegram and WhatsApp users: they build the deliveries their platform would POST to the
 * webhook (fresh update_id / wamid each time, signed like the platform signs them), and collect
 * what the bot sent them through the fake platform APIs, per chat, in arrival order.
 */
import { createHmac } from "node:crypto";
import { texts } from "../../src/i18n/index.js";
import type { Lang } from "../../src/core/messages.js";
import type { Delivery } from "./balancer.js";

export interface Received {
  at: number;
  text: string;
  /** The message offers choices (inline keyboard, reply buttons, list, numbered list). */
  options: boolean;
}

/** What a chat received, with waiters for the next message. */
export class ChatLog {
  readonly messages: Received[] = [];
  /** Messages up to here belong to turns that already ended. */
  cursor = 0;
  #wake: (() => void) | undefined;

  push(m: Received): void {
    this.messages.push(m);
    this.#wake?.();
  }

  /** Resolves with the index of the first message from `cursor` on that satisfies `match`, or -1 after `timeoutMs`. */
  async waitFor(match: (m: Received) => boolean, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.messages.findIndex((m, idx) => idx >= this.cursor && match(m));
      if (i >= 0) return i;
      const left = deadline - Date.now();
      if (left <= 0) return -1;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          this.#wake = undefined;
          resolve();
        };
      });
    }
  }
}

export type ChannelName = "telegram" | "whatsapp";

export interface SoakUser {
  channel: ChannelName;
  /** Telegram chat id / WhatsApp wa_id (what the bot addresses). */
  address: string;
  lang: Lang;
  log: ChatLog;
  text(text: string): Delivery;
  action(id: string): Delivery;
}

/** Texts that mean "that did not work, try again" rather than an answer. */
export const RETRY_TEXTS = new Set(
  (["id", "en"] as const).flatMap((l) => [texts(l).common.error, texts(l).reports.submitFailed]),
);
export const RATE_LIMIT_TEXTS = new Set((["id", "en"] as const).map((l) => texts(l).common.rateLimited));

/** Routes the fake platforms' outgoing messages to the chats they were sent to. */
export class ChatDirectory {
  readonly #chats = new Map<string, ChatLog>();

  log(channel: ChannelName, address: string): ChatLog {
    const key = `${channel}:${address}`;
    let log = this.#chats.get(key);
    if (!log) {
      log = new ChatLog();
      this.#chats.set(key, log);
    }
    return log;
  }

  deliver(channel: ChannelName, address: string, m: Received): void {
    this.log(channel, address).push(m);
  }

  entries(): [string, ChatLog][] {
    return [...this.#chats.entries()];
  }
}

// ---------- Telegram ----------

export interface TelegramWebhook {
  path: string;
  secret: string;
}

let updateSeq = 1_000_000;
let telegramMessageSeq = 1;
let telegramUserSeq = 700_000_000;

export function telegramUser(directory: ChatDirectory, hook: TelegramWebhook, lang: Lang): SoakUser {
  const id = telegramUserSeq++;
  const from = { id, is_bot: false, first_name: "Soak", language_code: lang };
  const chat = { id, type: "private" as const, first_name: "Soak" };
  const now = () => Math.floor(Date.now() / 1000);
  const delivery = (update: Record<string, unknown>): Delivery => ({
    path: hook.path,
    body: JSON.stringify({ update_id: updateSeq++, ...update }),
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": hook.secret },
  });
  return {
    channel: "telegram",
    address: String(id),
    lang,
    log: directory.log("telegram", String(id)),
    text(text) {
      const command = /^\/\S+/.exec(text);
      return delivery({
        message: {
          message_id: telegramMessageSeq++, date: now(), chat, from, text,
          ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
        },
      });
    },
    action(data) {
      return delivery({
        callback_query: {
          id: `cb${telegramMessageSeq++}`, from, chat_instance: "soak", data,
          message: { message_id: telegramMessageSeq++, date: now(), chat, from: { id: 1, is_bot: true, first_name: "Lentera" }, text: "…" },
        },
      });
    },
  };
}

// ---------- WhatsApp ----------

export interface WhatsAppWebhook {
  path: string;
  appSecret: string;
  phoneNumberId: string;
}

let wamidSeq = 1;
let waUserSeq = 1;

export function whatsappUser(directory: ChatDirectory, hook: WhatsAppWebhook, lang: Lang): SoakUser {
  // Indonesian numbers for Indonesian speakers (the channel guesses the language from the prefix).
  const waId = `${lang === "id" ? "62812" : "44770"}${String(waUserSeq++).padStart(7, "0")}`;
  const delivery = (message: Record<string, unknown>): Delivery => {
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [{ id: "soak-waba", changes: [{ field: "messages", value: {
        messaging_product: "whatsapp",
        metadata: { display_phone_number: "15550000000", phone_number_id: hook.phoneNumberId },
        contacts: [{ profile: { name: "Soak" }, wa_id: waId }],
        messages: [{ from: waId, id: `wamid.soak${wamidSeq++}`, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
      } }] }],
    });
    const signature = `sha256=${createHmac("sha256", hook.appSecret).update(body).digest("hex")}`;
    return { path: hook.path, body, headers: { "content-type": "application/json", "x-hub-signature-256": signature } };
  };
  return {
    channel: "whatsapp",
    address: waId,
    lang,
    log: directory.log("whatsapp", waId),
    text: (text) => delivery({ type: "text", text: { body: text } }),
    action: (id) => delivery({ type: "interactive", interactive: { type: "button_reply", button_reply: { id, title: id.slice(0, 20) } } }),
  };
}

/** How a message the bot sent through the fake Graph API looks to the user. */
export function whatsappReceived(body: Record<string, any>): Received {
  const text: string = body.text?.body ?? body.interactive?.body?.text ?? `[template ${body.template?.name ?? ""}]`;
  const numbered = /\n1\. /.test(text);
  return { at: Date.now(), text, options: body.type === "interactive" || numbered };
}
