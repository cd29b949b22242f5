/** `lentera purge --older-than 180d`: delete closed tips (and processed queue items) past retention. */
import { loadConfig } from "../../config.js";
import { createLogger } from "../../logger.js";
import { parseDuration, purgeExpired } from "../../core/tips/retention.js";
import { openDatabase } from "../../storage/db.js";

export async function purge(opts: { olderThan?: string }): Promise<void> {
  const config = loadConfig();
  const age = opts.olderThan === undefined ? config.LENTERA_RETENTION_DAYS * 86_400_000 : parseDuration(opts.olderThan);
  if (age === undefined) {
    process.stderr.write(`error: --older-than must look like 180d, 12h or 90m (got "${opts.olderThan}")\n`);
    process.exitCode = 1;
    return;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config, { logger });
  try {
    const result = await purgeExpired(db, new Date(Date.now() - age));
    logger.info({ ...result }, "purge finished");
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await db.close();
  }
}
