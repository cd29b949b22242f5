/**
 * Grounded Q&A figures: warm `ask` latency (median, p99) on the real knowledge base, next to a plain
 * BM25 lookup over the same passages measured in the same process (the floor any retrieval pays);
 * index build time and peak memory for the knowledge base and for 10,000 synthetic passages, each
 * build in a fresh child process so its peak RSS is its own; warm latency on the 10,000-passage index.
 */
import { spawn } from "node:child_process";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.js";
import { loadKnowledge } from "../src/core/knowledge/load.js";
import type { Passage } from "../src/core/knowledge/types.js";
import { bm25Baseline, parseQuestions } from "../src/core/qa/evaluation.js";
import { createQaService } from "../src/core/qa/index.js";
import { GroundedQaService } from "../src/core/qa/service.js";
import { Retriever } from "../src/core/retrieval/retriever.js";
import { normalizeWords } from "../src/core/text/tokenize.js";
import { fmt, median, percentile } from "./_stats.js";

const SELF = fileURLToPath(import.meta.url);
const WORKER_FLAG = "--qa-build-worker";
const ROUNDS = 10;
const WARMUP = 50;
const SYNTHETIC = 10_000;
const FALLBACK_QUESTIONS = [
  "gmn cara kerja di kamboja legal kak?",
  "Berapa umur minimal buat jadi pekerja migran resmi?",
  "nomor call center KP2MI brp kak?",
  "Can a licensed placement agency charge me placement fees?",
  "paspor saya ditahan, tolong",
  "Cuaca Jakarta besok hujan ga?",
];

async function benchQuestions(): Promise<string[]> {
  const file = path.resolve(path.dirname(SELF), "../../shared/eval/dev-questions.jsonl");
  try {
    return parseQuestions(await readFile(file, "utf8")).map((q) => q.question);
  } catch {
    return FALLBACK_QUESTIONS;
  }
}

/** Deterministic pseudo-random passages built from the knowledge base's own words. */
function syntheticPassages(words: string[], n: number): Passage[] {
  let seed = 42;
  const rand = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  const pick = (k: number) => Array.from({ length: k }, () => words[Math.floor(rand() * words.length)]).join(" ");
  return Array.from({ length: n }, (_, i) => ({
    id: `synthetic-${i}#s`,
    docId: `synthetic-${i}`,
    title: `Synthetic ${i}`,
    heading: `${pick(7)}?`,
    text: `${pick(60)}.`,
    lang: i % 2 ? "en" : "id",
    topics: [],
  }));
}

/** Wall-clock samples per ask, plus the mean CPU time per ask (unaffected by other processes on the machine). */
async function timeAsks(ask: (q: string) => Promise<unknown> | unknown, questions: string[]): Promise<number[] & { cpuMs: number }> {
  for (let i = 0; i < WARMUP; i++) await ask(questions[i % questions.length]!);
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of questions) {
      const t = performance.now();
      await ask(q);
      samples.push(performance.now() - t);
    }
  }
  const used = process.cpuUsage(cpu);
  return Object.assign(samples, { cpuMs: (used.user + used.system) / 1000 / samples.length });
}

/** Child process: one index build, reporting its time and this process's peak RSS. */
async function buildWorker(kind: string, dataDir: string): Promise<void> {
  const config = loadConfig({ LENTERA_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const started = performance.now();
  if (kind === "kb") {
    await createQaService({ config, rebuild: true });
  } else {
    const kb = await loadKnowledge();
    const words = [...new Set(kb.passages.flatMap((p) => normalizeWords(p.text)))].sort();
    const passages = syntheticPassages(words, SYNTHETIC);
    await Retriever.open({ passages, knowledgeHash: "synthetic", config, dataDir });
  }
  const ms = performance.now() - started;
  const usage = process.resourceUsage();
  process.stdout.write(JSON.stringify({ ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, peakRssMb: usage.maxRSS / 1024 }));
}

function runWorker(kind: string, dataDir: string): Promise<{ ms: number; cpuMs: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", SELF, WORKER_FLAG, kind, dataDir], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`build worker exited with ${code}`))));
  });
}

export async function run(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lentera-bench-qa-"));
  try {
    const kbBuild = await runWorker("kb", dataDir);
    const synthBuild = await runWorker("synthetic", path.join(dataDir, "synthetic"));

    const config = loadConfig({ LENTERA_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    const qa = await createQaService({ config });
    const questions = await benchQuestions();
    const ours = await timeAsks((q) => qa.answer(q), questions);
    const baselineAnswer = bm25Baseline(qa.info.knowledge.passages);
    const baseline = await timeAsks((q) => baselineAnswer(q), questions);

    const kb = qa.info.knowledge;
    const words = [...new Set(kb.passages.flatMap((p) => normalizeWords(p.text)))].sort();
    const synthetic = syntheticPassages(words, SYNTHETIC);
    const bigRetriever = await Retriever.open({ passages: synthetic, knowledgeHash: "synthetic", config, dataDir: path.join(dataDir, "synthetic") });
    const big = new GroundedQaService({ retriever: bigRetriever, defaultLang: "id", denseConfidence: true });
    const bigSamples = await timeAsks((q) => big.answer(q), questions.slice(0, 20));

    console.log(`knowledge base: ${kb.docs.length} documents, ${kb.passages.length} passages; ${questions.length} questions × ${ROUNDS} rounds after ${WARMUP} warm-up asks`);
    console.log(`machine load average (1 min): ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
    console.log(`warm ask (hybrid, extractive)   median ${fmt(median(ours))}  p99 ${fmt(percentile(ours, 99))}  cpu/ask ${fmt(ours.cpuMs)}`);
    console.log(`baseline: plain BM25 top hit    median ${fmt(median(baseline))}  p99 ${fmt(percentile(baseline, 99))}  cpu/ask ${fmt(baseline.cpuMs)}`);
    console.log(`ratio (ours / baseline)         median ×${(median(ours) / median(baseline)).toFixed(1)}  p99 ×${(percentile(ours, 99) / percentile(baseline, 99)).toFixed(1)}`);
    for (const [name, b] of [["knowledge base", kbBuild], [`${SYNTHETIC} synthetic passages`, synthBuild]] as const) {
      console.log(`index build, ${name}: ${fmt(b.ms)} wall (process cpu incl. start-up ${fmt(b.cpuMs)}), peak RSS ${b.peakRssMb.toFixed(0)} MB (whole process)`);
    }
    console.log(`warm ask on ${SYNTHETIC} passages      median ${fmt(median(bigSamples))}  p99 ${fmt(percentile(bigSamples, 99))}  cpu/ask ${fmt(bigSamples.cpuMs)}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === WORKER_FLAG) await buildWorker(process.argv[3]!, process.argv[4]!);
