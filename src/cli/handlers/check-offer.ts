/**
 * `lentera check-offer`: checks a job offer read from standard input.
 *   lentera check-offer --json < offer.txt     one JSON object {risk, score, flags, positives, entities, agencies, advice, lang}
 *   lentera check-offer --jsonl < offers.jsonl  lines {"id","text"} in, one JSON object per line out, with its id, in order
 * Without --json the check is printed as the chat channels show it. The licensed-agency registry is used
 * when the database already exists (it is never created just to check an offer); --no-registry skips it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import { ConfigError, loadConfig, type Config } from "../../config.js";
import { renderOfferCheck } from "../../core/conversation/offer-reply.js";
import { langSchema, type Lang } from "../../core/messages.js";
import { createOfferChecker, type OfferCheckerService } from "../../core/offers/index.js";
import type { OfferCheck } from "../../core/ports.js";
import { texts } from "../../i18n/index.js";
import { createLogger } from "../../logger.js";
import { SqlAgencyRegistry } from "../../storage/agency-store.js";
import { openDatabase, SQLITE_FILE_NAME, type Db } from "../../storage/db.js";

const options = z.object({
  json: z.boolean().optional(),
  jsonl: z.boolean().optional(),
  lang: langSchema.optional(),
  registry: z.boolean().default(true),
});
const batchLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/** The public JSON contract of a check. */
export function checkJson(c: OfferCheck): Record<string, unknown> {
  return {
    risk: c.risk,
    score: c.score,
    flags: c.flags.map((f) => ({ id: f.id, evidence: f.evidence, explanation: f.explanation })),
    positives: c.positives.map((f) => ({ id: f.id, evidence: f.evidence, explanation: f.explanation })),
    entities: c.entities,
    agencies: c.agencies,
    advice: c.advice,
    lang: c.lang,
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function checkLines(checker: OfferCheckerService, lang: Lang | undefined): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let parsed: z.infer<typeof batchLine> | undefined;
    try {
      const result = batchLine.safeParse(JSON.parse(line));
      if (result.success) parsed = result.data;
    } catch {
      // reported below, keeping one output line per input line
    }
    const out = parsed
      ? { id: parsed.id, ...checkJson(await checker.check(parsed.text, { lang })) }
      : { id: null, error: 'each line must be a JSON object {"id": ..., "text": "..."}' };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
}

/** The database, if one exists already. */
async function existingDatabase(config: Config): Promise<Db | undefined> {
  if (!config.DATABASE_URL && !existsSync(path.join(config.dataDir, SQLITE_FILE_NAME))) return undefined;
  return openDatabase(config, { logger: createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn") });
}

export async function checkOffer(raw: unknown): Promise<void> {
  const parsed = options.safeParse(raw);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  const opts = parsed.data;
  const config = loadConfig();
  const db = opts.registry ? await existingDatabase(config) : undefined;
  try {
    const checker = createOfferChecker(db ? { agencies: new SqlAgencyRegistry(db) } : {});
    if (opts.jsonl) return await checkLines(checker, opts.lang);
    const text = await readStdin();
    if (!text.trim()) throw new ConfigError(texts(opts.lang ?? config.LENTERA_DEFAULT_LANG).offers.cli.emptyInput);
    const check = await checker.check(text, { lang: opts.lang });
    process.stdout.write(opts.json ? `${JSON.stringify(checkJson(check))}\n` : `${renderOfferCheck(check, check.lang).text}\n`);
  } finally {
    await db?.close();
  }
}
