/**
 * Officer CLI for the tip queue (`lentera tips list|show|act|sweep-overdue`, registered in
 * src/cli/commands/tips.ts). JSON goes to stdout; errors to stderr with exit code 1.
 */
import { z } from "zod";
import { loadConfig } from "../../config.js";
import { createLogger } from "../../logger.js";
import type { OfficerTipView } from "../../core/ports.js";
import { TipError } from "../../core/tips/errors.js";
import { createTipService, type LenteraTipService } from "../../core/tips/service.js";
import { TIP_KINDS, TIP_STATUSES } from "../../core/tips/types.js";
import { openDatabase } from "../../storage/db.js";

async function withTipService(fn: (tips: LenteraTipService) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config, { logger });
  try {
    await fn(createTipService({ db, config, logger }));
  } catch (err) {
    if (!(err instanceof TipError)) throw err;
    process.stderr.write(`error: ${err.message}\n`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}

const csv = <T extends string>(values: readonly [T, ...T[]], name: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined))
    .pipe(z.array(z.enum(values, { error: () => `${name} must be one of: ${values.join(", ")}` })).optional());

const listOptions = z.object({
  status: csv(TIP_STATUSES, "--status"),
  kind: csv(TIP_KINDS, "--kind"),
  assignee: z.string().optional(),
  search: z.string().optional(),
  overdue: z.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  json: z.boolean().optional(),
});

function parseOptions<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new TipError("invalid_input", parsed.error.issues.map((i) => i.message).join("; "));
}

const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

const flags = (t: OfficerTipView) => [t.urgent && "URGENT", t.overdue && "OVERDUE"].filter(Boolean).join(" ");

function printRow(t: OfficerTipView): void {
  const cells = [t.ref, t.kind, t.status, t.assignee ?? "-", t.dueAt.toISOString(), flags(t), t.summary];
  process.stdout.write(`${cells.join("  ")}\n`);
}

function printTip(t: OfficerTipView): void {
  const lines = [
    `${t.ref}  ${t.kind}  ${t.status}  ${flags(t)}`.trimEnd(),
    `created ${t.createdAt.toISOString()}  due ${t.dueAt.toISOString()}  assignee ${t.assignee ?? "-"}`,
    ...(t.outcome ? [`outcome: ${t.outcome}`] : []),
    `reporter: ${t.reporterChannel}${t.reporterContact ? `, contact ${t.reporterContact}` : " (anonymous)"}; attachments: ${t.attachments}`,
    "details:",
    ...Object.entries(t.details).map(([k, v]) => `  ${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`),
    ...(t.entities.length ? ["entities:", ...t.entities.map((e) => `  ${e.type}: ${e.value}`)] : []),
    ...(t.related.length ? ["related:", ...t.related.map((r) => `  ${r.ref} via ${r.via.map((e) => `${e.type} ${e.value}`).join(", ")}`)] : []),
    "audit:",
    ...t.audit.map((a) => `  ${a.at.toISOString()}  ${a.actor}  ${a.action}${a.note ? `: ${a.note}` : ""}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function list(raw: unknown): Promise<void> {
  return withTipService(async (service) => {
    const { json, ...filter } = parseOptions(listOptions, raw);
    const tips = await service.list(filter);
    if (json) printJson(tips);
    else tips.forEach(printRow);
  });
}

export function show(ref: string, opts: { json?: boolean }): Promise<void> {
  return withTipService(async (service) => {
    const tip = await service.show(ref);
    if (!tip) throw new TipError("not_found", `no tip with reference ${ref}`);
    if (opts.json) printJson(tip);
    else printTip(tip);
  });
}

export function act(ref: string, action: string, opts: { as: string; text?: string; outcome?: string; json?: boolean }): Promise<void> {
  return withTipService(async (service) => {
    const tip = await service.act(ref, opts.as, action as never, { text: opts.text, outcome: opts.outcome });
    if (opts.json) printJson(tip);
    else printTip(tip);
  });
}

export function sweepOverdue(opts: { json?: boolean }): Promise<void> {
  return withTipService(async (service) => {
    const refs = await service.sweepOverdue();
    if (opts.json) printJson({ overdue: refs });
    else refs.forEach((r) => process.stdout.write(`${r}\n`));
  });
}
