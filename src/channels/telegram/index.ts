/**
 * Telegram channel: long polling with the grammY runner by default, webhook mode on the shared HTTP
 * server when TELEGRAM_WEBHOOK_URL is set; plus the loop that delivers officers' notices.
 */
import { run, type RunnerHandle } from "@grammyjs/runner";
import type { App } from "../../app.js";
import type { HttpServer } from "../../http/server.js";
import type { ChannelModule } from "../types.js";
import { ALLOWED_UPDATES, createTelegramBot, type TelegramBotOptions } from "./bot.js";
import { registerCommands } from "./commands.js";
import { describeError } from "./errors.js";
import { startNoticeDelivery } from "./notices.js";
import { startWebhook, webhookSecret, type RunningWebhook } from "./webhook.js";

export interface TelegramStartOptions extends Pick<TelegramBotOptions, "botInfo" | "throttle" | "maxRetryDelaySeconds"> {
  /** How often to look for officers' notices when there are none. */
  noticeIdleMs?: number;
}

export interface RunningTelegram {
  stop(): Promise<void>;
}

export async function startTelegram(app: App, http: HttpServer, options: TelegramStartOptions = {}): Promise<RunningTelegram> {
  const logger = app.logger.child({ channel: "telegram" });
  const mode = app.config.TELEGRAM_WEBHOOK_URL ? "webhook" : "polling";
  // Fail closed before talking to Telegram at all.
  if (mode === "webhook") webhookSecret(app.config.TELEGRAM_WEBHOOK_SECRET);
  const bot = createTelegramBot(app, { ...options, mode });
  await bot.init();
  await registerCommands(bot.api).catch((err: unknown) => {
    logger.warn({ err: describeError(err) }, "could not register the command menu");
  });

  let runner: RunnerHandle | undefined;
  let webhook: RunningWebhook | undefined;
  if (mode === "webhook") {
    webhook = await startWebhook(app, http, bot);
  } else {
    // A webhook left over from an earlier deployment would make getUpdates fail.
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
  }
  const notices = startNoticeDelivery({
    notices: app.notices,
    api: bot.api,
    render: (notice) => app.engine.renderNotice(notice),
    logger,
    ...(options.noticeIdleMs ? { idleMs: options.noticeIdleMs } : {}),
  });
  logger.info({ mode }, "telegram channel started");

  return {
    async stop() {
      if (runner?.isRunning()) await runner.stop();
      await webhook?.stop();
      await notices.stop();
      logger.info("telegram channel stopped");
    },
  };
}

export const channel: ChannelModule = {
  name: "telegram",
  enabled: (config) => config.telegramEnabled,
  start: (app, http) => startTelegram(app, http),
};
