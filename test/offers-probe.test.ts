import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateOffers } from "../src/cli/handlers/eval-offers.js";
import { DEFAULT_OFFERS } from "../src/cli/commands/eval-offers.js";
import { parseOffers, scoreOffers } from "../src/core/offers/evaluation.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const load = (file: string) => parseOffers(readFileSync(file, "utf8"));

/**
 * Offers written for this project outside the shared dev set (test/fixtures/offers-probe*.jsonl), labelled by
 * the eval README's definitions before the checker was tuned on them: each batch was written after the
 * previous batch's fixes and scored once before its own. The thresholds are the figures reached, so a change
 * that makes the checker miss what it caught fails here. First passes: batch 1 high recall 92%, flag recall
 * 75.9%; batch 2 86.7% (one scam rated low), 69.9%; batch 3 80%, 61.0%.
 */
const PROBES = [
  { file: "offers-probe.jsonl", offers: 50, highRecall: 1, flagRecall: 1, flagPrecision: 0.95 },
  { file: "offers-probe-2.jsonl", offers: 30, highRecall: 0.93, flagRecall: 0.98, flagPrecision: 0.93 },
  { file: "offers-probe-3.jsonl", offers: 20, highRecall: 1, flagRecall: 0.98, flagPrecision: 0.98 },
];

describe("the offer checker on probe offers beyond the dev set", () => {
  for (const probe of PROBES) {
    it(`${probe.file}: rates no scam low and no legitimate offer high, and finds their flags`, async () => {
      const offers = load(path.join(fixtures, probe.file));
      expect(offers).toHaveLength(probe.offers);
      const { lentera } = await evaluateOffers(offers);
      expect(lentera.scamsRatedLow).toEqual([]);
      expect(lentera.legitimateRatedHigh).toEqual([]);
      expect(lentera.high.precision).toBe(1);
      expect(lentera.high.recall).toBeGreaterThanOrEqual(probe.highRecall);
      expect(lentera.flagRecall).toBeGreaterThanOrEqual(probe.flagRecall);
      expect(lentera.flagPrecision).toBeGreaterThanOrEqual(probe.flagPrecision);
    });
  }

  it.skipIf(!existsSync(DEFAULT_OFFERS))("keeps every figure of the shared dev set", async () => {
    const { lentera } = await evaluateOffers(load(DEFAULT_OFFERS));
    expect(lentera.high).toMatchObject({ precision: 1, recall: 1 });
    expect(lentera.scamsRatedLow).toEqual([]);
    expect(lentera.legitimateRatedHigh).toEqual([]);
    expect(lentera.flagRecall).toBe(1);
  });
});

describe("offer scoring", () => {
  it("counts flag precision on high offers and keeps flags raised on legitimate offers apart", () => {
    const offers = parseOffers(
      [
        { id: "h", text: "…", label: "high", flags: ["tourist_visa", "upfront_payment"] },
        { id: "l", text: "…", label: "low", flags: [] },
      ].map((o) => JSON.stringify(o)).join("\n"),
    );
    const score = scoreOffers(offers, [
      { id: "h", risk: "high", flags: ["tourist_visa", "urgency_pressure", "scam_or_gambling_work"] },
      { id: "l", risk: "low", flags: ["urgency_pressure"] },
    ]);
    expect(score.flagRecall).toBe(0.5);
    // The extension flag is outside the labelled vocabulary: neither right nor wrong.
    expect(score.flagPrecision).toBe(0.5);
    expect(score.perFlag.urgency_pressure).toEqual({ hits: 0, total: 0, raised: 1, raisedOnLegitimate: 1 });
    expect(score.perFlag.upfront_payment).toEqual({ hits: 0, total: 1, raised: 0, raisedOnLegitimate: 0 });
  });
});
