/**
 * The grammY bot: a thin adapter between Telegram updates and the conversation engine.
 *
 * Per update: de-duplicate through the durable inbox (a repeated update_id is ignored, also across
 * restarts and processes) → per-user rate limit → map to an InboundMessage → engine.handle() →
 * render the replies. Updates of one chat are processed in order (sequentialize), different chats
 * concurrently. Outgoing calls go through the throttler (Telegram's global and per-chat limits) and
 * auto-retry (waits out 429 retry_after). Any error in one update ends in a generic apology to that
 * user and a log line without personal data; the bot keeps running.
 */
import { Bot, Composer, type BotError, type Context, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler, type APIThrottlerOptions } from "@grammyjs/transformer-throttler";
import { sequentialize } from "@grammyjs/runner";
import type { App } from "../../app.js";
import { langFromHint } from "../../core/conversation/commands.js";
import type { Lang } from "../../core/messages.js";
import { texts } from "../../i18n/index.js";
import type { Logger } from "../../logger.js";
import { GroupCommitter } from "../../storage/group-commit.js";
import { createRateLimiter } from "../shared/rate-limit.js";
import { describeError } from "./errors.js";
import { toInbound } from "./inbound.js";
import { sendReplies } from "./render.js";

export const INBOX_SOURCE = "telegram";
/** Only what the conversation uses; Telegram then does not send the rest at all. */
export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

export interface TelegramBotOptions {
  /**
   * polling: updates come from the runner; each is claimed in the inbox (accept) before handling.
   * webhook: updates come from the inbox worker, already stored (and de-duplicated) before the HTTP 200.
   */
  mode: "polling" | "webhook";
  /** Skips the getMe call at start (tests, bench). */
  botInfo?: UserFromGetMe;
  /** Outgoing throttling: Telegram's limits by default; `false` only for measurements against a local fake API. */
  throttle?: APIThrottlerOptions | false;
  /** Auto-retry bounds: a reply older than this is not worth sending any more. */
  maxRetryDelaySeconds?: number;
}

const chatKey = (ctx: Context) => ctx.chat?.id.toString();

/** The user's Telegram language, for the few texts the channel itself sends (rate limit, apology). */
const langOf = (ctx: Context, fallback: Lang): Lang => langFromHint(ctx.from?.language_code) ?? fallback;

function isBotCommand(ctx: Context): boolean {
  return ctx.message?.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;
}

export function createTelegramBot(app: App, options: TelegramBotOptions): Bot {
  const { config } = app;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  const logger: Logger = app.logger.child({ channel: "telegram" });
  const fallbackLang = config.LENTERA_DEFAULT_LANG;

  const bot = new Bot(token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}) },
  });
  // The last transformer installed runs first: auto-retry wraps the throttler, so a retried call queues again.
  if (options.throttle !== false) bot.api.config.use(apiThrottler(options.throttle ?? {}));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: options.maxRetryDelaySeconds ?? 120 }));

  const apologise = async (err: BotError<Context>) => {
    logger.error({ updateId: err.ctx.update.update_id, err: describeError(err.error) }, "telegram update failed");
    if (!err.ctx.chat) return;
    await err.ctx.reply(texts(langOf(err.ctx, fallbackLang)).common.error).catch((sendErr: unknown) => {
      logger.warn({ err: describeError(sendErr) }, "could not send the apology");
    });
  };

  // The runner hands over a whole getUpdates batch at once: their inbox writes share one durable commit.
  const committer = new GroupCommitter(app.db);
  /** Claims the update in the durable inbox; a repeated update_id stops here. */
  const intake: MiddlewareFn<Context> = async (ctx, next) => {
    const updateId = String(ctx.update.update_id);
    if (!(await committer.run((trx) => app.inbox.accept(INBOX_SOURCE, updateId, { trx })))) {
      logger.debug({ updateId: ctx.update.update_id }, "duplicate update ignored");
      return;
    }
    await next();
  };

  /** Stops the button's spinner. Best effort: a press answered too late (bot was down) is still handled. */
  const acknowledgePress = async (ctx: Context) => {
    if (!ctx.callbackQuery) return;
    await ctx.answerCallbackQuery().catch((err: unknown) => logger.debug({ err: describeError(err) }, "button press not acknowledged"));
  };

  const converse: MiddlewareFn<Context> = async (ctx) => {
    await acknowledgePress(ctx);
    if (ctx.chat?.type !== "private") {
      // Reports and questions must not happen in front of a group: answer only a direct command there.
      if (isBotCommand(ctx)) await ctx.reply(texts(langOf(ctx, fallbackLang)).telegram.privateOnly);
      return;
    }
    const inbound = toInbound(ctx.update);
    if (inbound.kind === "ignore") return;
    if (inbound.kind === "unsupported") {
      await ctx.reply(texts(langOf(ctx, fallbackLang)).telegram.unsupported);
      return;
    }
    const replies = await app.engine.handle(inbound.message);
    await sendReplies(ctx.api, ctx.chat.id, replies);
  };

  const limiter = createRateLimiter(app.db, config.LENTERA_RATE_LIMIT_PER_MINUTE, logger);
  /** Per user: one "slow down" reply when the limit is crossed; later updates of the window are dropped quietly. */
  const limitRate: MiddlewareFn<Context> = async (ctx, next) => {
    if (!ctx.from) return next();
    const decision = await limiter.check(`telegram:${ctx.from.id}`);
    if (decision === "allow") return next();
    await acknowledgePress(ctx);
    if (decision === "warn") {
      logger.info({ updateId: ctx.update.update_id }, "rate limit reached");
      await ctx.reply(texts(langOf(ctx, fallbackLang)).common.rateLimited);
    }
  };

  const conversation = new Composer<Context>();
  conversation.use(limitRate, converse);

  // First, so each chat's updates are taken and answered in the order Telegram sent them.
  bot.use(sequentialize(chatKey));
  if (options.mode === "polling") bot.use(intake);
  bot.errorBoundary(apologise, conversation);
  // Only the intake can fail outside the boundary (database unreachable): the user still hears back.
  bot.catch(apologise);

  return bot;
}
