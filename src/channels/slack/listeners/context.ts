/** What every Slack listener needs, passed in explicitly (no globals). */
import type { Kysely } from "kysely";
import type { Lang } from "../../../core/messages.js";
import type { TipService } from "../../../core/ports.js";
import type { Logger } from "../../../logger.js";
import type { OfficerDirectory } from "../officers.js";
import type { TipPublisher } from "../tip-publisher.js";

export interface ListenerContext {
  tips: TipService;
  /** For aggregate statistics (read-only). */
  db: Kysely<any>;
  officers: OfficerDirectory;
  /** Render contexts (links between tips) for lists and views. */
  publisher: TipPublisher;
  /** Pokes the outbox worker after an action so the triage message updates within a second. */
  wakeWorker(): void;
  lang: Lang;
  logger: Logger;
}
