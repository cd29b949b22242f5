/**
 * Field-level encryption for personal data at rest, and keyed pseudonyms for identifiers
 * that must be matched (reporter ids, tip entities) without ever being stored in clear.
 *
 * Ciphertext format: `v1.<keyId>.<base64url(iv ‖ tag ‖ ciphertext)>` — AES-256-GCM with a
 * random 96-bit IV per value. The key id names the data key that encrypted the value, so after a
 * key rotation old rows still decrypt with the previous key until they are re-encrypted.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

export class DecryptionError extends Error {}

/** Independent sub-keys so the encryption key never doubles as the pseudonym key. */
function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `lentera/${purpose}`, DATA_KEY_BYTES));
}

export function keyIdOf(masterKey: Buffer): string {
  return deriveKey(masterKey, "key-id/v1").subarray(0, 4).toString("hex");
}

export class FieldCipher {
  /** Id of the current key, the one new values are encrypted with. */
  readonly keyId: string;
  readonly #encryptionKeys: Map<string, Buffer>;
  readonly #pseudonymKey: Buffer;

  /**
   * @param keys the current data key first, then previous ones (decryption only)
   * @param pseudonymSecret stable secret for pseudonyms, so they survive key rotation
   *   (openDatabase keeps one in the database); defaults to one derived from the current key
   */
  constructor(keys: Buffer | readonly Buffer[], pseudonymSecret?: Buffer) {
    const list = Buffer.isBuffer(keys) ? [keys] : keys;
    if (list.length === 0 || list.some((k) => k.length !== DATA_KEY_BYTES))
      throw new Error(`data keys must be ${DATA_KEY_BYTES} bytes`);
    this.#encryptionKeys = new Map(list.map((k) => [keyIdOf(k), deriveKey(k, "field-encryption/v1")]));
    this.keyId = keyIdOf(list[0]!);
    this.#pseudonymKey = deriveKey(pseudonymSecret ?? list[0]!, "pseudonym/v1");
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#encryptionKeys.get(this.keyId)!, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return `${VERSION}.${this.keyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
  }

  decrypt(ciphertext: string): string {
    const [version, keyId, payload, ...rest] = ciphertext.split(".");
    if (version !== VERSION || payload === undefined || rest.length > 0) throw new DecryptionError("not a Lentera ciphertext");
    const key = this.#encryptionKeys.get(keyId!);
    if (!key) throw new DecryptionError(`encrypted under key ${keyId}, which is not among the loaded data keys`);
    const raw = Buffer.from(payload, "base64url");
    if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptionError("ciphertext too short");
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    } catch {
      throw new DecryptionError("ciphertext failed authentication (tampered or wrong key)");
    }
  }

  /** True when `ciphertext` was encrypted with an older key and should be re-encrypted. */
  isStale(ciphertext: string): boolean {
    return !ciphertext.startsWith(`${VERSION}.${this.keyId}.`);
  }

  /** Deterministic keyed HMAC: equal inputs give equal pseudonyms, which reveal nothing without the key. */
  pseudonym(value: string): string {
    return createHmac("sha256", this.#pseudonymKey).update(value, "utf8").digest("base64url");
  }

  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T = unknown>(ciphertext: string): T {
    return JSON.parse(this.decrypt(ciphertext)) as T;
  }
}

export function generatePseudonymSecret(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}
