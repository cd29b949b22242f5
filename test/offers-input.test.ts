import { describe, expect, it } from "vitest";
import { createOfferChecker } from "../src/core/offers/index.js";
import type { OfferCheck } from "../src/core/ports.js";

const checker = createOfferChecker();

function wellFormed(c: OfferCheck): void {
  expect(["high", "medium", "low"]).toContain(c.risk);
  expect(Number.isFinite(c.score)).toBe(true);
  expect(c.score).toBeGreaterThanOrEqual(0);
  expect(c.advice.length).toBeGreaterThan(0);
  expect(["id", "en"]).toContain(c.lang);
  for (const list of Object.values(c.entities)) expect(Array.isArray(list)).toBe(true);
}

describe("bad input", () => {
  it("handles an empty or blank text", async () => {
    for (const text of ["", "   \n\t "]) {
      const c = await checker.check(text);
      wellFormed(c);
      expect(c.risk).toBe("low");
      expect(c.flags).toEqual([]);
    }
  });

  it("handles only a link: the link is kept, a chat link counts as chat recruiting", async () => {
    const plain = await checker.check("https://example.com/lowongan");
    wellFormed(plain);
    expect(plain.entities.links).toEqual(["https://example.com/lowongan"]);
    expect(plain.risk).toBe("low");
    const chat = await checker.check("t.me/loker_kamboja_vip");
    wellFormed(chat);
    expect(chat.flags.map((f) => f.id)).toContain("social_media_recruiter");
  });

  it("handles only an image caption", async () => {
    const c = await checker.check("[Foto] poster lowongan.jpg");
    wellFormed(c);
    expect(c.risk).toBe("low");
  });

  it("handles only emoji and symbols", async () => {
    const c = await checker.check("🔥🔥🔥💰💰✈️✈️ !!! ??? ***");
    wellFormed(c);
    expect(c.flags).toEqual([]);
  });

  it("handles emoji used as separators and fancy Unicode letters", async () => {
    const c = await checker.check("🔥𝐋𝐎𝐊𝐄𝐑 𝐊𝐀𝐌𝐁𝐎𝐉𝐀🔥✅gaji 12jt✅visa turis✅tiket gratis✅");
    expect(c.flags.map((f) => f.id)).toEqual(expect.arrayContaining(["high_risk_destination", "tourist_visa", "employer_pays_travel"]));
    expect(c.risk).toBe("high");
  });

  it("handles a huge text without failing, bounded to the inbound message size", async () => {
    const block = "Lowongan kerja di Kamboja, gaji 15 juta, visa turis, hubungi WA 0812-3456-7890. ";
    const c = await checker.check(block.repeat(5_000));
    wellFormed(c);
    expect(c.risk).toBe("high");
    for (const f of c.flags) expect(f.evidence.length).toBeLessThanOrEqual(5);
  });

  it("handles control characters and broken surrogates", async () => {
    const c = await checker.check("kerja\u0000di\u0007Kamboja \ud800 gaji\u202e 10jt");
    wellFormed(c);
  });
});
