/**
 * Meta signs every webhook POST with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
 * The HMAC covers the exact bytes received: a body that was parsed and re-serialized no longer matches.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "sha256=";
const HEX_DIGEST = /^[0-9a-f]{64}$/i;

export function signWhatsAppPayload(rawBody: Buffer | string, appSecret: string): string {
  return PREFIX + createHmac("sha256", appSecret).update(rawBody).digest("hex");
}

/** Never throws: any malformed header is simply not a valid signature. An empty secret verifies nothing. */
export function verifyWhatsAppSignature(rawBody: Buffer, header: string | string[] | undefined, appSecret: string): boolean {
  if (!appSecret || typeof header !== "string" || !header.startsWith(PREFIX)) return false;
  const hex = header.slice(PREFIX.length);
  if (!HEX_DIGEST.test(hex)) return false;
  const given = Buffer.from(hex, "hex");
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
