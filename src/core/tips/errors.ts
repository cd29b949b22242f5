/** Expected failures of the tip service, with a code callers (CLI, Slack, engine) can branch on. */
export type TipErrorCode = "invalid_input" | "not_found" | "invalid_transition";

export class TipError extends Error {
  constructor(
    readonly code: TipErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TipError";
  }
}
