/**
 * Officer CLI for the tip queue (the Slack app does the same through buttons):
 *   lentera tips list [--status new,claimed] [--kind …] [--assignee ID] [--search TEXT] [--overdue] [--json]
 *   lentera tips show REF [--json]
 *   lentera tips act REF claim|ask|escalate|close|note|reopen --as OFFICER [--text …] [--outcome …] [--json]
 *   lentera tips sweep-overdue [--json]
 * JSON goes to stdout; errors to stderr with exit code 1. Registration only; the implementation
 * (src/cli/handlers/tips.ts) loads when a command runs.
 */
import type { Command } from "commander";
import { OFFICER_ACTIONS, TIP_KINDS, TIP_STATUSES } from "../../core/tips/types.js";

const handlers = () => import("../handlers/tips.js");

export function register(program: Command): void {
  const tips = program.command("tips").description("officer queue of tip-offs and missing-person reports");

  tips
    .command("list")
    .description("list tips, urgent and soonest-due first")
    .option("--status <statuses>", `comma-separated: ${TIP_STATUSES.join(", ")}`)
    .option("--kind <kinds>", `comma-separated: ${TIP_KINDS.join(", ")}`)
    .option("--assignee <officer>", "only tips assigned to this officer")
    .option("--search <text>", "a reference, or an exact phone / handle / link / company / name")
    .option("--overdue", "only tips past their response target")
    .option("--limit <n>", "at most this many (1-500, default 50)")
    .option("--json", "print JSON")
    .action(async (raw: unknown) => (await handlers()).list(raw));

  tips
    .command("show <ref>")
    .description("one tip with its entities, related tips and audit log")
    .option("--json", "print JSON")
    .action(async (ref: string, opts: { json?: boolean }) => (await handlers()).show(ref, opts));

  tips
    .command("act <ref> <action>")
    .description(`act on a tip: ${OFFICER_ACTIONS.filter((a) => a !== "reporter_reply").join(", ")}`)
    .requiredOption("--as <officer>", "who is acting (recorded in the audit log)")
    .option("--text <text>", "the question for the reporter (ask) or a note")
    .option("--outcome <outcome>", "how the tip was resolved (close)")
    .option("--json", "print the updated tip as JSON")
    .action(async (ref: string, action: string, opts: { as: string; text?: string; outcome?: string; json?: boolean }) =>
      (await handlers()).act(ref, action, opts),
    );

  tips
    .command("sweep-overdue")
    .description("mark tips past their response target (once each) and notify the officers' queue")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => (await handlers()).sweepOverdue(opts));
}
