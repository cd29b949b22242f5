/** Command-line options of `npm run soak` and the printed report. */
import { parseArgs } from "node:util";
import { optionsForDuration, SHORT, type PhaseFigures, type SoakOptions, type SoakResult } from "./run.js";

function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) throw new Error(`--duration: expected e.g. 90s or 10m, got ${text}`);
  const n = Number(m[1]);
  return m[2] === "ms" ? n : m[2] === "m" ? n * 60_000 : n * 1000;
}

export function soakOptions(argv: string[]): SoakOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      short: { type: "boolean", default: false },
      duration: { type: "string" },
      instances: { type: "string" },
      seed: { type: "string" },
    },
  });
  const base = values.short ? SHORT : optionsForDuration(parseDuration(values.duration ?? "5m"));
  const options: SoakOptions = { ...base };
  if (values.short && values.duration) options.mixedMs = parseDuration(values.duration);
  if (values.instances) {
    if (values.instances !== "2" && values.instances !== "3") throw new Error("--instances must be 2 or 3");
    options.instances = Number(values.instances) as 2 | 3;
  }
  if (values.seed) options.seed = Number(values.seed);
  return options;
}

const phase = (f: PhaseFigures) =>
  `${f.messagesPerSecond} msg/s  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  (${f.turns} turns in ${f.seconds} s; ` +
  `CPU: machine ${f.cpu.machineBusyPercent}% busy, load generator ${f.cpu.loadGeneratorPercent}%)`;

const s = (ms: number | undefined) => (ms === undefined ? "not within the limit" : `${(ms / 1000).toFixed(1)} s`);

export function formatResult(r: SoakResult): string {
  const v = r.verdict;
  const lines = [
    "",
    "=== Lentera soak ===",
    `question mix, 1 instance : ${phase(r.throughput1)}`,
    `question mix, 2 instances: ${phase(r.throughput2)}`,
    `throughput ratio 2 vs 1  : ${r.scaleRatio}`,
    `mixed load, ${r.mixed.instances} instances: ${phase(r.mixed)}`,
    ...Object.entries(r.mixed.byScenario).map(([name, f]) => `  ${name.padEnd(17)} ${String(f.turns).padStart(5)} turns  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms`),
    "recovery:",
    `  SIGKILL → replacement ready       ${s(r.recovery.killedInstanceRestartMs)} (${r.recovery.deliveriesRetriedDuringKill} deliveries redelivered meanwhile)`,
    `  Slack down ${s(r.recovery.slackOutageMs)} → backlog drained ${s(r.recovery.slackBacklogDrainMs)} after recovery (${r.recovery.slackPostsAfterOutage} posts by then)`,
    `  DB refused ${s(r.recovery.dbOutageMs)} → all /readyz ok ${s(r.recovery.dbReadyAgainMs)}, first answer ${s(r.recovery.dbFirstAnswerMs)} after`,
    `load: ${r.stats.conversations} conversations, ${r.stats.duplicatesSent} duplicate deliveries sent, ${r.stats.redeliveries} redeliveries, ${r.stats.apologies} apologies, ${r.stats.timeouts} silent turns re-sent, ${r.stats.rateLimited} rate-limited`,
    `tips: ${v.tipsInDatabase} in the database, ${v.referencesReceived} references received by reporters (${r.stats.referencesFoundWithStatus} of them only through /status)`,
    `tips lost: ${v.tipsLost}   duplicate tips: ${v.duplicateTips}   reporters without reference: ${v.reportersWithoutReference}`,
    `slack: tips not posted ${v.tipsNotInSlack}, duplicate posts ${v.slackDuplicatePosts}, outbox backlog ${v.slackOutboxBacklog}`,
    `officer: duplicate actions ${v.duplicateOfficerActions}, questions not delivered ${v.questionsNotDelivered}, notices delivered twice ${v.noticesDeliveredTwice}, notice backlog ${v.noticeBacklog}`,
    `updates handled twice: ${v.updatesHandledTwice}   replies repeated after a crash: ${v.repliesRepeated}   late replies after a re-send: ${v.lateReplies}   inbox events claimed more than once: ${v.inboxReclaims}`,
    `stranded updates (leased by the killed process): ${v.strandedUpdates}${v.strandedLeaseUntil ? ` until ${v.strandedLeaseUntil}` : ""}`,
    `start-ups that failed and were retried (database unreachable at boot): ${r.restartsAfterFailedBoot}`,
    `graceful stop: ${r.shutdown.map((x) => `${x.name} ${x.ms} ms (exit ${x.code})`).join(", ")}`,
    `instance logs: ${r.logDir}`,
    ...v.details.map((d) => `  ${d}`),
    r.ok ? "RESULT: PASS" : `RESULT: FAIL\n  - ${v.failures.join("\n  - ")}`,
  ];
  return lines.join("\n");
}
