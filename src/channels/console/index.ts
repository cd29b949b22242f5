/**
 * Console channel module: the chat in this terminal. `lentera start` runs it when no Telegram or
 * WhatsApp credentials are set; `lentera chat` runs it directly.
 */
import type { Readable, Writable } from "node:stream";
import type { App } from "../../app.js";
import { texts } from "../../i18n/index.js";
import type { ChannelModule } from "../types.js";
import { startConsoleChannel, type RunningConsole } from "./console-channel.js";
import { DEFAULT_CONSOLE_SESSION } from "./session.js";

export interface ConsoleStartOptions {
  input?: Readable;
  output?: Writable;
  /** Console session id; reuse it to resume a conversation. */
  session?: string;
  langHint?: string;
  noticePollMs?: number;
}

export function startConsole(app: App, options: ConsoleStartOptions = {}): RunningConsole {
  const input = options.input ?? process.stdin;
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  return startConsoleChannel({
    engine: app.engine,
    notices: app.notices,
    input,
    output: options.output ?? process.stdout,
    address: options.session ?? DEFAULT_CONSOLE_SESSION,
    interactive,
    ...(interactive ? { intro: texts(app.config.LENTERA_DEFAULT_LANG).common.consoleIntro } : {}),
    ...(options.langHint ? { langHint: options.langHint } : {}),
    ...(options.noticePollMs ? { noticePollMs: options.noticePollMs } : {}),
    logger: app.logger.child({ channel: "console" }),
  });
}

export const channel: ChannelModule = {
  name: "console",
  enabled: (config) => !config.telegramEnabled && !config.whatsappEnabled,
  start: async (app) => startConsole(app),
};
