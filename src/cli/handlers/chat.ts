/**
 * `lentera chat`: the console channel. Interactive in a terminal; with piped input it reads one
 * message per line, so conversations can be scripted (`printf '/lapor\n1\n' | lentera chat`).
 */
import { z } from "zod";
import { createApp, stopOnSignals } from "../../app.js";
import { startConsole } from "../../channels/console/index.js";
import { ConfigError, loadConfig } from "../../config.js";
import { langSchema } from "../../core/messages.js";
import { createLogger } from "../../logger.js";

const chatOptions = z.object({
  session: z.string().trim().min(1).max(128),
  lang: langSchema.optional(),
});

export async function chat(raw: unknown): Promise<void> {
  const parsed = chatOptions.safeParse(raw);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  const config = loadConfig();
  // Log lines would interleave with the chat: only warnings unless LOG_LEVEL asks for more.
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn");
  const app = await createApp(config, { logger });
  const running = startConsole(app, { session: parsed.data.session, langHint: parsed.data.lang });
  const removeSignalHandlers = stopOnSignals(() => running.stop());
  try {
    await running.finished;
  } finally {
    removeSignalHandlers();
    await app.close();
  }
}
