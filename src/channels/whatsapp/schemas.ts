/**
 * zod schemas for what crosses the WhatsApp boundary: webhook notifications (messages webhook:
 * text, image, document, interactive replies, template quick replies, statuses) and Graph API answers.
 * Unknown keys are dropped; unknown message types still parse (they get a polite "not supported").
 */
import { z } from "zod";
import { MAX_INBOUND_TEXT } from "../../core/messages.js";

const id = z.string().min(1).max(512);

const mediaSchema = z.object({
  id,
  mime_type: z.string().max(128).optional(),
  sha256: z.string().max(128).optional(),
  caption: z.string().max(4096).optional(),
  filename: z.string().max(512).optional(),
});

export const inboundMessageSchema = z.object({
  from: z.string().min(1).max(128),
  id,
  timestamp: z.string().regex(/^\d{1,12}$/),
  type: z.string().min(1).max(64),
  text: z.object({ body: z.string().max(MAX_INBOUND_TEXT) }).optional(),
  image: mediaSchema.optional(),
  document: mediaSchema.optional(),
  interactive: z
    .object({
      type: z.string().max(64),
      button_reply: z.object({ id: z.string().max(256), title: z.string().max(256) }).optional(),
      list_reply: z.object({ id: z.string().max(256), title: z.string().max(256) }).optional(),
    })
    .optional(),
  /** A tap on a template's quick-reply button. */
  button: z.object({ payload: z.string().max(256).optional(), text: z.string().max(256) }).optional(),
  context: z
    .object({ forwarded: z.boolean().optional(), frequently_forwarded: z.boolean().optional() })
    .optional(),
});
export type WhatsAppInboundMessage = z.infer<typeof inboundMessageSchema>;

const graphErrorDetail = z.object({
  code: z.number().int(),
  title: z.string().max(1024).optional(),
  message: z.string().max(1024).optional(),
});

export const statusSchema = z.object({
  id,
  status: z.string().max(64),
  timestamp: z.string().max(16).optional(),
  recipient_id: z.string().max(128).optional(),
  errors: z.array(graphErrorDetail).max(20).optional(),
});
export type WhatsAppStatus = z.infer<typeof statusSchema>;

const changeSchema = z.object({
  field: z.string().max(64),
  value: z.object({
    messaging_product: z.literal("whatsapp").optional(),
    metadata: z.object({ phone_number_id: z.string().max(64) }).optional(),
    messages: z.array(inboundMessageSchema).max(100).optional(),
    statuses: z.array(statusSchema).max(100).optional(),
    errors: z.array(graphErrorDetail).max(20).optional(),
  }),
});

export const webhookPayloadSchema = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(z.object({ id: z.string().max(64), changes: z.array(changeSchema).max(100) })).max(100),
});
export type WhatsAppWebhookPayload = z.infer<typeof webhookPayloadSchema>;

/** The GET subscription handshake (query string). */
export const handshakeSchema = z.object({
  "hub.mode": z.literal("subscribe"),
  "hub.verify_token": z.string().min(1).max(512),
  "hub.challenge": z.string().min(1).max(512),
});

// ---------- Graph API answers ----------
export const sendResponseSchema = z.object({
  messages: z.array(z.object({ id: z.string() })).min(1),
});

export const mediaInfoSchema = z.object({
  url: z.url(),
  mime_type: z.string().max(128),
  sha256: z.string().max(128).optional(),
  file_size: z.coerce.number().int().nonnegative().optional(),
  id: z.string(),
});
export type MediaInfo = z.infer<typeof mediaInfoSchema>;

export const graphErrorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
