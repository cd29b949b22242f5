/**
 * Child process for the inbox lease test: an instance whose inbox worker claims the stored events of
 * INBOX_TEST_SOURCE and hangs on the first one, printing "processing <event text>" when it starts.
 * The test kills it with SIGKILL. Config comes from the environment.
 */
import { startInboxWorker } from "../../src/channels/shared/inbox-worker.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { openDatabase } from "../../src/storage/db.js";
import { Inbox } from "../../src/storage/inbox.js";

const config = loadConfig();
const db = await openDatabase(config);
startInboxWorker<{ chat: string; text: string }>({
  inbox: new Inbox(db),
  source: process.env.INBOX_TEST_SOURCE ?? "test",
  keyOf: (p) => p.chat,
  process: async (p) => {
    process.stdout.write(`processing ${p.text}\n`);
    await new Promise(() => {}); // hangs until killed
  },
  logger: createLogger("silent"),
  leaseMs: Number(process.env.INBOX_TEST_LEASE_MS),
  pollMs: 50,
});
