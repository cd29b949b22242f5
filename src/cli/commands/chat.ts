/**
 * `lentera chat`: registration only; the implementation (src/cli/handlers/chat.ts) loads when the
 * command runs.
 */
import type { Command } from "commander";
import { DEFAULT_CONSOLE_SESSION } from "../../channels/console/session.js";

export function register(program: Command): void {
  program
    .command("chat")
    .description("chat with Lentera in this terminal (one message per line when input is piped)")
    .option("--session <id>", "conversation id: the same id resumes the same conversation", DEFAULT_CONSOLE_SESSION)
    .option("--lang <lang>", "language to use until you choose one with /bahasa (id or en)")
    .action(async (raw: unknown) => (await import("../handlers/chat.js")).chat(raw));
}
