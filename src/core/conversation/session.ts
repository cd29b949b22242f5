/**
 * What the bot remembers per reporter between messages (persisted through SessionStore, encrypted at
 * rest). Validated on load: a state written by an older version is dropped rather than trusted.
 */
import { z } from "zod";
import { langSchema, outboundMessageSchema } from "../messages.js";
import { flowStateSchema } from "../reports/flow.js";
import { offerEntitiesSchema } from "../reports/schemas.js";

/** The last offer checked, so "report this recruiter" can prefill the report in one tap. */
export const lastOfferSchema = z.object({
  text: z.string().max(4000),
  risk: z.enum(["high", "medium", "low"]),
  flags: z.array(z.string().max(64)).max(50),
  entities: offerEntitiesSchema,
});

/** How many recent deliveries are remembered as handled (one person's messages in flight at a crash). */
export const HANDLED_MEMORY = 16;

/**
 * Deliveries whose handling changed something, newest last, and the replies to the newest: a delivery
 * processed again after a crash (handled, but not marked done) repeats its answer instead of acting twice.
 */
export const handledSchema = z.object({
  eventIds: z.array(z.string().max(256)).max(HANDLED_MEMORY),
  replies: z.array(outboundMessageSchema).max(20),
});

export const sessionSchema = z.object({
  v: z.literal(1),
  /** The language the user chose (/bahasa); unset until they choose. */
  lang: langSchema.optional(),
  /** The language of the conversation so far, for messages that do not show one ("1", "/status"). */
  lastLang: langSchema.optional(),
  flow: flowStateSchema.optional(),
  /** A command that waits for the next message: an offer to check, a reference, a delete confirmation. */
  awaiting: z.enum(["offer", "status", "delete"]).optional(),
  lastOffer: lastOfferSchema.optional(),
  /** The reference of the last report filed, for a "Send" pressed again after the report went. */
  lastReport: z.object({ ref: z.string().max(32) }).optional(),
  // Only a cache of what was done: unreadable, it is dropped without losing the rest of the state.
  handled: handledSchema.optional().catch(undefined),
});

export type Session = z.infer<typeof sessionSchema>;
export type LastOffer = z.infer<typeof lastOfferSchema>;
export type Handled = z.infer<typeof handledSchema>;

export const newSession = (): Session => ({ v: 1 });
