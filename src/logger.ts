/**
 * One pino logger for the whole process. Personal data must never reach logs: besides
 * not logging it, these paths are redacted in case a payload slips through.
 */
import { pino, type Logger } from "pino";

export const REDACT_PATHS = [
  "text", "*.text", "message", "*.message.text", "address", "*.address", "chat_id", "*.chat_id", "chatId", "*.chatId",
  "from", "*.from", "phone", "*.phone", "contact", "*.contact", "name", "*.name", "details", "*.details",
  "token", "*.token", "authorization", "*.authorization", "headers", "*.headers", "body", "*.body", "wa_id", "*.wa_id",
];

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info", destination?: pino.DestinationStream): Logger {
  return pino({ level, base: undefined, redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, destination ?? pino.destination(2));
}

export type { Logger };

/** What of an error may be logged: its type and the start of its message (never payloads or stacks with data). */
export function errorSummary(err: unknown): { type: string; message?: string } {
  if (!(err instanceof Error)) return { type: typeof err };
  return { type: err.name, message: err.message.slice(0, 200) };
}
