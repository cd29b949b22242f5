/**
 * Slack officer triage: tips are posted to the triage channel through the durable outbox and
 * worked from their message buttons, the `/lentera` command and the App Home tab. Enabled when
 * SLACK_BOT_TOKEN is set; Socket Mode with SLACK_APP_TOKEN, otherwise HTTP mode on the shared server.
 */
import type { App } from "../../app.js";
import type { HttpServer } from "../../http/server.js";
import { Outbox } from "../../storage/outbox.js";
import type { ChannelModule, RunningChannel } from "../types.js";
import { createBoltApp, createWorkerClient } from "./bolt-app.js";
import { describeSlackFailure } from "./errors.js";
import { registerTipActions } from "./listeners/actions.js";
import { registerCommands } from "./listeners/commands.js";
import type { ListenerContext } from "./listeners/context.js";
import { registerHome } from "./listeners/home.js";
import { OfficerDirectory } from "./officers.js";
import { SlackOutboxWorker, type WorkerOptions } from "./outbox-worker.js";
import { SlackPostStore } from "./post-store.js";
import { TipPublisher } from "./tip-publisher.js";

export interface SlackStartOptions {
  worker?: Partial<WorkerOptions>;
  /** How long the officer group's member list is trusted. */
  officerCacheMs?: number;
}

/**
 * Slack posts must never be parked like other outbox items: a tip retries until Slack takes it.
 * (The attempts column is a 32-bit integer on PostgreSQL.)
 */
const NEVER_PARK = 2_000_000_000;

export async function startSlack(app: App, http: HttpServer, options: SlackStartOptions = {}): Promise<RunningChannel> {
  const { config } = app;
  const logger = app.logger.child({ channel: "slack" });
  const transport = createBoltApp(config, logger);
  const officers = new OfficerDirectory(transport.client, logger, {
    usergroup: config.SLACK_OFFICER_USERGROUP,
    ids: config.SLACK_OFFICER_IDS,
    ...(options.officerCacheMs !== undefined ? { ttlMs: options.officerCacheMs } : {}),
  });
  // Fail closed and loudly: without a configured officer list nobody could act on a tip.
  if (!officers.configured) throw new Error("Slack needs SLACK_OFFICER_USERGROUP or SLACK_OFFICER_IDS (who may act on tips)");

  const worker = new SlackOutboxWorker({
    queue: new Outbox(app.db, { maxAttempts: NEVER_PARK }),
    sync: (ref) => publisher.sync(ref),
    logger,
    options: options.worker,
  });
  const publisher = new TipPublisher({
    tips: app.tips,
    client: createWorkerClient(config, logger),
    store: new SlackPostStore(app.db.kysely),
    refresh: app.outbox,
    options: {
      triageChannel: config.SLACK_TRIAGE_CHANNEL!,
      urgentChannel: config.SLACK_URGENT_CHANNEL,
      urgentMention: config.SLACK_URGENT_MENTION,
      lang: config.LENTERA_DEFAULT_LANG,
      leaseMs: options.worker?.leaseMs ?? 60_000,
    },
  });

  const ctx: ListenerContext = {
    tips: app.tips,
    db: app.db.kysely,
    officers,
    publisher,
    wakeWorker: () => worker.wake(),
    lang: config.LENTERA_DEFAULT_LANG,
    logger,
  };
  registerTipActions(transport.app, ctx);
  registerCommands(transport.app, ctx);
  registerHome(transport.app, ctx);
  transport.app.error(async (err) => {
    logger.error({ err: describeSlackFailure(err.original ?? err), code: err.code }, "slack listener failed");
  });

  await transport.start(http);
  // Overdue tips reach this worker as outbox events from the sweep `lentera start` runs.
  worker.start();
  logger.info({ mode: config.SLACK_APP_TOKEN ? "socket" : "http" }, "slack channel started");

  return {
    async stop() {
      await transport.stop();
      await worker.stop();
      logger.info("slack channel stopped");
    },
  };
}

export const channel: ChannelModule = {
  name: "slack",
  enabled: (config) => config.slackEnabled,
  start: (app, http) => startSlack(app, http),
};
