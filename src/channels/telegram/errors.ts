/** Error facts that are safe to log: never update content, chat ids or the token (grammY redacts it). */
import { GrammyError, HttpError } from "grammy";

export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) return { type: "telegram_api", method: error.method, code: error.error_code };
  if (error instanceof HttpError) return { type: "telegram_network" };
  if (error instanceof Error) return { type: error.name, message: error.message.slice(0, 200) };
  return { type: typeof error };
}
