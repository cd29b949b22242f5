/**
 * The licensed-agency registry (format of the CSV: docs/agencies-csv.md):
 *   lentera agencies import FILE.csv    load or update the official list of licensed placement companies
 *   lentera agencies check NAME...      look a company up as the bot does (JSON)
 *   lentera agencies count              how many companies the registry holds
 * Registration only; the implementation (src/cli/handlers/agencies.ts) loads when a command runs.
 */
import type { Command } from "commander";

const handlers = () => import("../handlers/agencies.js");

export function register(program: Command): void {
  const agencies = program.command("agencies").description("the registry of licensed placement companies (P3MI)");

  agencies
    .command("import")
    .description("load the official list of licensed placement companies from a CSV file")
    .argument("<file>", "CSV file (see docs/agencies-csv.md)")
    .action(async (file: string) => (await handlers()).importAgencies(file));

  agencies
    .command("check")
    .description("look a company up in the registry, as the bot does")
    .argument("<name...>", "company name, e.g. PT Maju Jaya")
    .action(async (words: string[]) => (await handlers()).checkAgency(words));

  agencies
    .command("count")
    .description("how many companies the registry holds")
    .action(async () => (await handlers()).countAgencies());
}
