/**
 * `lentera agencies import|check|count`: the licensed-agency registry (format of the CSV:
 * docs/agencies-csv.md).
 */
import { readFile } from "node:fs/promises";
import { ConfigError, loadConfig } from "../../config.js";
import { AgencyMatcher } from "../../core/offers/agencies.js";
import { AgencyCsvError, parseAgencyCsv } from "../../core/offers/agency-csv.js";
import { texts } from "../../i18n/index.js";
import { createLogger } from "../../logger.js";
import { SqlAgencyRegistry } from "../../storage/agency-store.js";
import { openDatabase } from "../../storage/db.js";

async function withRegistry(fn: (registry: SqlAgencyRegistry, t: ReturnType<typeof texts>["offers"]["cli"]) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, { logger: createLogger(config.LOG_LEVEL) });
  try {
    await fn(new SqlAgencyRegistry(db), texts(config.LENTERA_DEFAULT_LANG).offers.cli);
  } finally {
    await db.close();
  }
}

export async function importAgencies(file: string): Promise<void> {
  const csv = await readFile(file, "utf8");
  await withRegistry(async (registry, t) => {
    let parsed: ReturnType<typeof parseAgencyCsv>;
    try {
      parsed = parseAgencyCsv(csv);
    } catch (err) {
      if (err instanceof AgencyCsvError) throw new ConfigError(t.noNameColumn);
      throw err;
    }
    for (const p of parsed.problems) process.stderr.write(`${t.badRow(p.line, p.reason)}\n`);
    const { inserted, updated } = await registry.upsert(parsed.records);
    process.stdout.write(`${t.imported(inserted, updated, parsed.problems.length)}\n`);
  });
}

export async function checkAgency(words: string[]): Promise<void> {
  await withRegistry(async (registry) => {
    const match = await new AgencyMatcher(registry).match(words.join(" "));
    process.stdout.write(`${JSON.stringify(match)}\n`);
  });
}

export async function countAgencies(): Promise<void> {
  await withRegistry(async (registry, t) => {
    process.stdout.write(`${t.registrySize((await registry.list()).length)}\n`);
  });
}
