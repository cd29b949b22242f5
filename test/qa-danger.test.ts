import { describe, expect, it } from "vitest";
import { detectDanger } from "../src/core/qa/index.js";
import { MAX_ANSWER_CHARS } from "../src/core/qa/compose.js";
import { texts } from "../src/i18n/index.js";
import { fixtureQa } from "./fixtures/qa.js";

describe("danger-now detection", () => {
  it.each([
    "paspor saya ditahan",
    "saya disekap",
    "tolong saya dipukul",
    "tolongg sy di sekap di kamboja",
    "saya disekep di mess",
    "adik saya dipaksa kerja jadi scammer",
    "saya tidak boleh pulang sama bos",
    "TOLONG!!!",
    "I'm trapped in a compound",
    "they took my passport, can you help?",
    "my boss hits me and I can't leave",
    "we are locked in the building",
    "help me please",
  ])("flags: %s", (text) => {
    expect(detectDanger(text)).toBe(true);
  });

  it.each([
    "kak temen ak ditawarin jd admin di thailand, paspor nnti dipegang perusahaan katanya biar aman. wajar ga?",
    "Can an employer keep my passport?",
    "Apakah boleh agen menahan paspor?",
    "how do I renew my passport",
    "tolong jelaskan syarat jadi PMI",
    "please help me understand the fees",
    "Berapa umur minimal buat jadi pekerja migran resmi?",
  ])("does not flag: %s", (text) => {
    expect(detectDanger(text)).toBe(false);
  });
});

describe("answering a message that signals danger", () => {
  it("puts emergency contacts first and offers to report, in the user's language", async () => {
    const qa = await fixtureQa();
    const a = await qa.answer("tolong paspor saya ditahan bos, saya disekap");
    expect(a.danger).toBe(true);
    expect(a.refused).toBe(false);
    expect(a.answer.startsWith(texts("id").qa.danger)).toBe(true);
    expect(a.answer).toContain("110");
    expect(a.answer).toContain(texts("id").qa.dangerReport);
    expect(a.answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
  });

  it("adds grounded help after the guidance when the knowledge base has it", async () => {
    const qa = await fixtureQa();
    const a = await qa.answer("I'm trapped and beaten, what is the KP2MI call centre number?");
    expect(a).toMatchObject({ danger: true, lang: "en" });
    expect(a.answer.startsWith(texts("en").qa.danger)).toBe(true);
    expect(a.sources.map((s) => s.id)).toContain("hotlines-en#what-is-the-kp2mi-call-centre-number");
    expect(a.answer.indexOf(texts("en").qa.danger)).toBeLessThan(a.answer.indexOf("toll-free from Indonesia"));
  });
});
