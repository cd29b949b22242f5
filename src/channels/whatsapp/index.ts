/**
 * The WhatsApp channel (WhatsApp Business Cloud API): webhook on the shared HTTP server, durable
 * inbox processing through the conversation engine, replies and notices through the Graph API.
 * Enabled when WHATSAPP_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET and
 * WHATSAPP_VERIFY_TOKEN are all set; refuses to start without the app secret (fail closed).
 */
import type { App } from "../../app.js";
import type { Config } from "../../config.js";
import type { HttpServer } from "../../http/server.js";
import type { ChannelModule } from "../types.js";
import { WhatsAppContacts } from "./contacts.js";
import { GraphClient, type GraphClientOptions } from "./graph-client.js";
import { startInboxWorker } from "../shared/inbox-worker.js";
import { createRateLimiter } from "../shared/rate-limit.js";
import { startNoticeDelivery } from "./notices.js";
import { createProcessor } from "./processor.js";
import { INBOX_SOURCE, mountWebhook, type StoredWhatsAppMessage } from "./webhook.js";

export interface WhatsAppTuning {
  retry?: GraphClientOptions["retry"];
  /** How often the inbox and the notice queue are polled besides being kicked. */
  pollMs?: number;
  concurrency?: number;
}

export interface RunningWhatsApp {
  /** Resolves when every stored message has been processed (tests, bench). */
  idle(): Promise<void>;
  /** Delivers every due notice now (tests). */
  deliverNotices(): Promise<void>;
  stop(): Promise<void>;
}

function whatsappSecrets(config: Config) {
  const { WHATSAPP_TOKEN: token, WHATSAPP_PHONE_NUMBER_ID: phoneNumberId, WHATSAPP_APP_SECRET: appSecret, WHATSAPP_VERIFY_TOKEN: verifyToken } = config;
  return { token, phoneNumberId, appSecret, verifyToken };
}

export async function startWhatsApp(app: App, http: HttpServer, tuning: WhatsAppTuning = {}): Promise<RunningWhatsApp> {
  const { config, logger: rootLogger } = app;
  const { token, phoneNumberId, appSecret, verifyToken } = whatsappSecrets(config);
  if (!appSecret) throw new Error("WhatsApp: WHATSAPP_APP_SECRET is required to verify webhook signatures; refusing to start");
  if (!token || !phoneNumberId || !verifyToken)
    throw new Error("WhatsApp needs WHATSAPP_TOKEN, WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_VERIFY_TOKEN");
  const logger = rootLogger.child({ channel: "whatsapp" });

  const graph = new GraphClient({ token, phoneNumberId, logger, ...(config.WHATSAPP_GRAPH_URL ? { baseUrl: config.WHATSAPP_GRAPH_URL } : {}), ...(tuning.retry ? { retry: tuning.retry } : {}) });
  const contacts = new WhatsAppContacts(app.db);
  const notices = startNoticeDelivery({
    notices: app.notices,
    graph,
    contacts,
    render: (notice) => app.engine.renderNotice(notice),
    ...(config.WHATSAPP_TEMPLATE_NAME ? { template: { name: config.WHATSAPP_TEMPLATE_NAME, lang: config.WHATSAPP_TEMPLATE_LANG } } : {}),
    logger,
    ...(tuning.pollMs ? { pollMs: tuning.pollMs } : {}),
  });
  if (!config.WHATSAPP_TEMPLATE_NAME)
    logger.warn("WHATSAPP_TEMPLATE_NAME is not set: notices for reporters outside the 24-hour window wait until they write again");

  const processMessage = createProcessor({
    engine: app.engine,
    graph,
    contacts,
    limiter: createRateLimiter(app.db, config.LENTERA_RATE_LIMIT_PER_MINUTE, logger),
    releaseNotices: async (ids) => {
      const now = new Date();
      for (const id of ids) await app.notices.retryLater(id, now, "the reporter wrote again");
      notices.kick();
    },
    defaultLang: config.LENTERA_DEFAULT_LANG,
    logger,
  });
  const worker = startInboxWorker<StoredWhatsAppMessage>({
    inbox: app.inbox,
    source: INBOX_SOURCE,
    // One sender's messages in order.
    keyOf: (stored) => stored.message.from,
    process: (stored) => processMessage(stored.message),
    logger,
    ...(tuning.concurrency ? { concurrency: tuning.concurrency } : {}),
    ...(tuning.pollMs ? { pollMs: tuning.pollMs } : {}),
  });
  mountWebhook(http, { appSecret, verifyToken, phoneNumberId, inbox: app.inbox, logger, onStored: worker.kick });
  logger.info("whatsapp channel started: webhook at /webhooks/whatsapp");

  return {
    idle: () => worker.idle(),
    deliverNotices: () => notices.deliverDue(),
    async stop() {
      await worker.stop();
      await notices.stop();
    },
  };
}

export const channel: ChannelModule = {
  name: "whatsapp",
  enabled: (config) => Object.values(whatsappSecrets(config)).every(Boolean),
  start: (app, http) => startWhatsApp(app, http),
};
