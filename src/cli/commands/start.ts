/**
 * `lentera start` (npm start): registration only; the implementation (src/cli/handlers/start.ts)
 * loads when the command runs.
 */
import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("start")
    .description("run Lentera: every configured channel (the console when no Telegram/WhatsApp token is set)")
    .action(async () => (await import("../handlers/start.js")).start());
}
