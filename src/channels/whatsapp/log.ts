/** What of an error may be logged: its type and the start of its message (never payloads or stacks with data). */
export function errorSummary(err: unknown): { type: string; message?: string } {
  if (!(err instanceof Error)) return { type: typeof err };
  return { type: err.name, message: err.message.slice(0, 200) };
}
