/**
 * Composition root: builds every service once from the config and wires them together. Channels,
 * the CLI and tests all start from `createApp`; nothing else constructs services.
 */
import { sql } from "kysely";
import type { Config } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import { ConversationEngine } from "./core/conversation/engine.js";
import { createOfferChecker, type OfferCheckerService } from "./core/offers/index.js";
import type { QaService } from "./core/ports.js";
import { createQaService } from "./core/qa/index.js";
import { createTipService, type LenteraTipService } from "./core/tips/service.js";
import { SqlAgencyRegistry } from "./storage/agency-store.js";
import { openDatabase, type Db } from "./storage/db.js";
import { Inbox } from "./storage/inbox.js";
import { SqlNoticeQueue } from "./storage/notice-queue.js";
import { Outbox } from "./storage/outbox.js";
import { SqlSessionStore } from "./storage/session-store.js";

export interface App {
  config: Config;
  logger: Logger;
  db: Db;
  qa: QaService;
  offers: OfferCheckerService;
  tips: LenteraTipService;
  engine: ConversationEngine;
  notices: SqlNoticeQueue;
  outbox: Outbox;
  inbox: Inbox;
  /** Readiness: the database answers. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export async function createApp(config: Config, opts: { logger?: Logger } = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config, { logger });
  try {
    const qa = await createQaService({ config, logger });
    const offers = createOfferChecker({ agencies: new SqlAgencyRegistry(db) });
    const tips = createTipService({ db, config, logger });
    const engine = new ConversationEngine({
      qa,
      offers,
      tips,
      sessions: new SqlSessionStore<unknown>(db),
      config,
      logger,
    });
    return {
      config,
      logger,
      db,
      qa,
      offers,
      tips,
      engine,
      notices: new SqlNoticeQueue(db),
      outbox: new Outbox(db),
      inbox: new Inbox(db),
      async ready() {
        await sql`select 1`.execute(db.kysely);
        return true;
      },
      close: () => db.close(),
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}

/**
 * Calls `stop` once on the first SIGINT or SIGTERM (graceful stop); a second signal exits at once.
 * Returns a function that removes the handlers.
 */
export function stopOnSignals(stop: (signal: NodeJS.Signals) => Promise<void>): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    void stop(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}
