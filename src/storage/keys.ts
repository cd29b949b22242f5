/**
 * Where the data keys come from: LENTERA_DATA_KEY (base64 of 32 bytes) when set; otherwise a key
 * file in the data directory, created on first start with owner-only permissions. Either may list
 * several keys separated by commas or new lines: the first encrypts, the others only decrypt rows
 * written before a rotation (see `lentera rekey`).
 */
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { DATA_KEY_BYTES } from "./crypto.js";

export const KEY_FILE_NAME = "lentera.key";

export class DataKeyError extends Error {}

function decodeKeys(text: string, where: string): Buffer[] {
  const keys = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((k) => Buffer.from(k, "base64"));
  if (keys.length === 0 || keys.some((k) => k.length !== DATA_KEY_BYTES))
    throw new DataKeyError(`${where} must be base64 of exactly ${DATA_KEY_BYTES} bytes (e.g. \`openssl rand -base64 32\`)`);
  return keys;
}

export function generateDataKey(): string {
  return randomBytes(DATA_KEY_BYTES).toString("base64");
}

/**
 * Writes the key to a private temp file, then hard-links it into place: link() fails if the file
 * exists, so two processes starting at once agree on one key and nobody reads a half-written file.
 */
function createKeyFile(file: string): boolean {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const fd = openSync(tmp, "wx", 0o600);
  try {
    writeSync(fd, `${generateDataKey()}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

/** The data keys, current first. */
export function loadDataKeys(config: Config, logger?: Logger): Buffer[] {
  if (config.LENTERA_DATA_KEY) return decodeKeys(config.LENTERA_DATA_KEY, "LENTERA_DATA_KEY");
  const file = path.join(config.dataDir, KEY_FILE_NAME);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(file) && createKeyFile(file))
    logger?.warn(
      { keyFile: file },
      "LENTERA_DATA_KEY is not set: created a new data key file. Back it up — without it the stored reports cannot be decrypted.",
    );
  else logger?.info({ keyFile: file }, "using the data key file");
  return decodeKeys(readFileSync(file, "utf8"), `the key file ${file}`);
}
