/**
 * Child process for the crash test: submits tips concurrently, forever, and prints "<seq> <ref>"
 * for each one only after submit() resolved — exactly what a reporter would be shown. The test
 * kills it with SIGKILL at an arbitrary moment. Config comes from the environment.
 */
import { loadConfig } from "../../src/config.js";
import { createTipService } from "../../src/core/tips/service.js";
import { openDatabase } from "../../src/storage/db.js";
import { crashTip } from "./crash-tip.js";

const config = loadConfig();
const db = await openDatabase(config);
const tips = createTipService({ db, config });
const round = process.env.CRASH_ROUND ?? "0";
const concurrency = Number(process.env.CRASH_CONCURRENCY ?? 8);
let next = 0;

async function worker(): Promise<never> {
  for (;;) {
    const seq = `${round}-${next++}`;
    const { ref } = await tips.submit(crashTip(seq));
    process.stdout.write(`${seq} ${ref}\n`); // synchronous on Linux pipes: written before the next tip starts
  }
}

process.stdout.write("ready\n");
await Promise.all(Array.from({ length: concurrency }, worker));
