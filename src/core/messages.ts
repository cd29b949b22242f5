/**
 * The one vocabulary every channel speaks with the conversation engine.
 * Channels turn their payloads into an InboundMessage and render OutboundMessages;
 * nothing in core/ knows about Telegram, WhatsApp, Slack or the console.
 */
import { z } from "zod";

export const LANGS = ["id", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const langSchema = z.enum(LANGS);

/** Channels a reporter can talk to the bot through (Slack is the officers' side, not a reporter channel). */
export const REPORTER_CHANNELS = ["console", "telegram", "whatsapp"] as const;
export type ReporterChannel = (typeof REPORTER_CHANNELS)[number];
export const reporterChannelSchema = z.enum(REPORTER_CHANNELS);

export const attachmentSchema = z.object({
  kind: z.enum(["photo", "document"]),
  /** Channel-native handle to fetch the file later (Telegram file_id, WhatsApp media id, console path). */
  ref: z.string().min(1).max(512),
  mime: z.string().max(128).optional(),
  caption: z.string().max(4096).optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const MAX_INBOUND_TEXT = 16_000;

export const inboundMessageSchema = z.object({
  channel: reporterChannelSchema,
  /** Routing address on the channel (Telegram chat id, WhatsApp wa_id, console session id). */
  address: z.string().min(1).max(128),
  /** What the user typed; channels pass it raw (the engine trims and bounds it). */
  text: z.string().max(MAX_INBOUND_TEXT).optional(),
  /** Id of a ReplyOption the user picked (button press / list reply / numbered choice). */
  action: z.string().max(64).optional(),
  attachments: z.array(attachmentSchema).max(10).default([]),
  /** Language hint from the platform (e.g. Telegram language_code), used until the user picks one. */
  langHint: z.string().max(16).optional(),
  /** The message was forwarded from someone else (a forwarded job offer, typically). */
  forwarded: z.boolean().default(false),
  /**
   * The platform's id of this delivery (Telegram update_id, WhatsApp message id). A delivery handled
   * again after a crash is recognised by it and answered as before instead of acting twice.
   */
  eventId: z.string().min(1).max(256).optional(),
});
export type InboundMessage = z.input<typeof inboundMessageSchema>;
export type ParsedInbound = z.output<typeof inboundMessageSchema>;

export const replyOptionSchema = z.object({
  /** Opaque id the channel sends back as InboundMessage.action. ≤ 64 chars (Telegram callback_data limit). */
  id: z.string().max(64),
  label: z.string().max(256),
});
export type ReplyOption = z.infer<typeof replyOptionSchema>;

/** Validated where replies are read back from storage (see the conversation session). */
export const outboundMessageSchema = z.object({
  text: z.string().max(MAX_INBOUND_TEXT),
  /** Choices to render as buttons (Telegram), reply buttons / list (WhatsApp) or numbers (console). */
  options: z.array(replyOptionSchema).max(100).optional(),
  /** Whether the message carries an urgent safety notice (channels may pin / highlight it). */
  urgent: z.boolean().optional(),
});
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
