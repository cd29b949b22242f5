/**
 * `lentera eval-offers`: scores the job-offer checker on the shared dev offers and prints the figures next
 * to a naive keyword baseline computed in the same run.
 */
import { readFile } from "node:fs/promises";
import { createOfferChecker } from "../../core/offers/index.js";
import {
  keywordBaseline, parseOffers, scoreOffers, type FlagScore, type LabelledOffer, type OfferPrediction, type OfferScore,
} from "../../core/offers/evaluation.js";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function summary(name: string, s: OfferScore): string {
  return (
    `${name.padEnd(16)} high precision ${pct(s.high.precision)} recall ${pct(s.high.recall)}` +
    ` · scams rated low ${s.scamsRatedLow.length} · legitimate rated high ${s.legitimateRatedHigh.length}` +
    ` · flag recall ${pct(s.flagRecall)} precision ${pct(s.flagPrecision)}`
  );
}

const NO_FLAG: FlagScore = { hits: 0, total: 0, raised: 0, raisedOnLegitimate: 0 };

/** One line per flag: recall (hits/labelled), precision (hits/raised) on high offers, raised on legitimate ones. */
function perFlagTable(lentera: OfferScore, baseline: OfferScore): string[] {
  const cells = (s: FlagScore) =>
    `${`${s.hits}/${s.total}`.padStart(6)} ${`${s.hits}/${s.raised}`.padStart(9)} ${String(s.raisedOnLegitimate).padStart(8)}`;
  const heads = `${"recall".padStart(6)} ${"precision".padStart(9)} ${"on legit".padStart(8)}`;
  return [
    `  ${"".padEnd(28)} ${heads}   ${"".padEnd(9)}${heads}`,
    ...[...new Set([...Object.keys(lentera.perFlag), ...Object.keys(baseline.perFlag)])]
      .sort()
      .map((flag) => `  ${flag.padEnd(28)} ${cells(lentera.perFlag[flag] ?? NO_FLAG)}   baseline ${cells(baseline.perFlag[flag] ?? NO_FLAG)}`),
  ];
}

/** Both scores for a set of labelled offers (also used by `lentera eval`). */
export async function evaluateOffers(offers: readonly LabelledOffer[]): Promise<{ lentera: OfferScore; baseline: OfferScore }> {
  const checker = createOfferChecker();
  const predictions: OfferPrediction[] = [];
  for (const o of offers) {
    const check = await checker.check(o.text);
    predictions.push({ id: o.id, risk: check.risk, flags: check.flags.map((f) => f.id) });
  }
  const baseline = offers.map((o) => ({ id: o.id, ...keywordBaseline(o.text) }));
  return { lentera: scoreOffers(offers, predictions), baseline: scoreOffers(offers, baseline) };
}

export function formatOfferEval(file: string, count: number, r: { lentera: OfferScore; baseline: OfferScore }, verbose = false): string {
  const out = [
    `Offers: ${file} (${count})`,
    summary("Lentera", r.lentera),
    summary("keyword baseline", r.baseline),
    "Flags of high offers (recall hits/labelled, precision hits/raised; raised on legitimate offers):",
    ...perFlagTable(r.lentera, r.baseline),
  ];
  if (verbose) {
    out.push(`Lentera high/not-high wrong: ${r.lentera.misses.join(", ") || "none"}`);
    out.push(`Lentera scams rated low: ${r.lentera.scamsRatedLow.join(", ") || "none"}`);
  }
  return out.join("\n");
}

export async function evalOffers(opts: { file: string; json?: boolean; verbose?: boolean }): Promise<void> {
  const offers = parseOffers(await readFile(opts.file, "utf8"));
  const result = await evaluateOffers(offers);
  process.stdout.write(
    opts.json ? `${JSON.stringify({ file: opts.file, ...result })}\n` : `${formatOfferEval(opts.file, offers.length, result, opts.verbose)}\n`,
  );
}
