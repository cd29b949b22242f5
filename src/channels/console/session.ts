/** The console conversation used when no --session is given (kept apart so `lentera --help` loads nothing else). */
export const DEFAULT_CONSOLE_SESSION = "local";
