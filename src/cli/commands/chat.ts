/**
 * `lentera chat`: the console channel. Interactive in a terminal; with piped input it reads one
 * message per line, so conversations can be scripted (`printf '/lapor\n1\n' | lentera chat`).
 */
import type { Command } from "commander";
import { z } from "zod";
import { DEFAULT_CONSOLE_SESSION, startConsole } from "../../channels/console/index.js";
import { ConfigError, loadConfig } from "../../config.js";
import { langSchema } from "../../core/messages.js";
import { createLogger } from "../../logger.js";

const chatOptions = z.object({
  session: z.string().trim().min(1).max(128),
  lang: langSchema.optional(),
});

export function register(program: Command): void {
  program
    .command("chat")
    .description("chat with Lentera in this terminal (one message per line when input is piped)")
    .option("--session <id>", "conversation id: the same id resumes the same conversation", DEFAULT_CONSOLE_SESSION)
    .option("--lang <lang>", "language to use until you choose one with /bahasa (id or en)")
    .action(async (raw: unknown) => {
      const parsed = chatOptions.safeParse(raw);
      if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
      const config = loadConfig();
      // Loaded here, not at the top: every `lentera` command would otherwise pay for the whole app.
      const { createApp, stopOnSignals } = await import("../../app.js");
      // Log lines would interleave with the chat: only warnings unless LOG_LEVEL asks for more.
      const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn");
      const app = await createApp(config, { logger });
      const chat = startConsole(app, { session: parsed.data.session, langHint: parsed.data.lang });
      const removeSignalHandlers = stopOnSignals(() => chat.stop());
      try {
        await chat.finished;
      } finally {
        removeSignalHandlers();
        await app.close();
      }
    });
}
