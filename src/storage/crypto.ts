/**
 * Field-level encryption for personal data at rest, and keyed pseudonyms for identifiers
 * that must be matched (reporter ids, tip entities) without ever being stored in clear.
 *
 * Ciphertext format: `v1.<keyId>.<base64url(iv ‖ tag ‖ ciphertext)>` — AES-256-GCM with a
 * random 96-bit IV per value. The version and key id make a later key rotation or format
 * change detectable instead of guessed from lengths.
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

export class FieldCipher {
  readonly keyId: string;
  readonly #encryptionKey: Buffer;
  readonly #pseudonymKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== DATA_KEY_BYTES) throw new Error(`the data key must be ${DATA_KEY_BYTES} bytes`);
    this.#encryptionKey = deriveKey(masterKey, "field-encryption/v1");
    this.#pseudonymKey = deriveKey(masterKey, "pseudonym/v1");
    this.keyId = deriveKey(masterKey, "key-id/v1").subarray(0, 4).toString("hex");
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return `${VERSION}.${this.keyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
  }

  decrypt(ciphertext: string): string {
    const [version, keyId, payload, ...rest] = ciphertext.split(".");
    if (version !== VERSION || payload === undefined || rest.length > 0) throw new DecryptionError("not a Lentera ciphertext");
    if (keyId !== this.keyId) throw new DecryptionError(`encrypted under key ${keyId}, but the loaded data key is ${this.keyId}`);
    const raw = Buffer.from(payload, "base64url");
    if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptionError("ciphertext too short");
    const decipher = createDecipheriv("aes-256-gcm", this.#encryptionKey, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    } catch {
      throw new DecryptionError("ciphertext failed authentication (tampered or wrong key)");
    }
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
