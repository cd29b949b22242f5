/**
 * `lentera rekey`: after a data key rotation (LENTERA_DATA_KEY="NEW,OLD"), re-encrypts everything
 * under the new key; afterwards OLD can be removed from LENTERA_DATA_KEY.
 */
import { loadConfig } from "../../config.js";
import { createLogger } from "../../logger.js";
import { openDatabase } from "../../storage/db.js";
import { reencryptUnderCurrentKey } from "../../storage/rekey.js";

export async function rekey(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config, { logger });
  try {
    const results = await reencryptUnderCurrentKey(db);
    logger.info({ keyId: db.cipher.keyId }, "stored data re-encrypted under the current data key");
    process.stdout.write(`${JSON.stringify({ keyId: db.cipher.keyId, columns: results })}\n`);
  } finally {
    await db.close();
  }
}
