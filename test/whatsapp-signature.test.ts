import { describe, expect, it } from "vitest";
import { signWhatsAppPayload, verifyWhatsAppSignature } from "../src/channels/whatsapp/signature.js";

// RFC 4231, test case 2: the published HMAC-SHA256 vector (key "Jefe").
const RFC4231_KEY = "Jefe";
const RFC4231_DATA = Buffer.from("what do ya want for nothing?");
const RFC4231_MAC = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

describe("X-Hub-Signature-256 verification", () => {
  it("accepts the published HMAC-SHA256 vector in Meta's header format", () => {
    expect(verifyWhatsAppSignature(RFC4231_DATA, `sha256=${RFC4231_MAC}`, RFC4231_KEY)).toBe(true);
    expect(verifyWhatsAppSignature(RFC4231_DATA, `sha256=${RFC4231_MAC.toUpperCase()}`, RFC4231_KEY)).toBe(true);
    expect(signWhatsAppPayload(RFC4231_DATA, RFC4231_KEY)).toBe(`sha256=${RFC4231_MAC}`);
  });

  it("rejects a body re-serialized after parsing, even though it means the same", () => {
    const raw = Buffer.from('{"object": "whatsapp_business_account", "entry": []}');
    const header = signWhatsAppPayload(raw, "app-secret");
    expect(verifyWhatsAppSignature(raw, header, "app-secret")).toBe(true);
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
    expect(verifyWhatsAppSignature(reserialized, header, "app-secret")).toBe(false);
  });

  it("rejects missing, unprefixed, non-hex, truncated and wrong-key signatures without throwing", () => {
    const body = Buffer.from("{}");
    const good = signWhatsAppPayload(body, "s3cret");
    const hex = good.slice("sha256=".length);
    for (const header of [undefined, "", hex, `sha1=${hex}`, `sha256=${hex.slice(0, 62)}`, `sha256=${hex}00`, `sha256=${"z".repeat(64)}`, [good, good]]) {
      expect(verifyWhatsAppSignature(body, header, "s3cret")).toBe(false);
    }
    expect(verifyWhatsAppSignature(body, good, "other-secret")).toBe(false);
  });

  it("verifies nothing with an empty secret (fails closed)", () => {
    const body = Buffer.from("{}");
    expect(verifyWhatsAppSignature(body, signWhatsAppPayload(body, ""), "")).toBe(false);
  });
});
