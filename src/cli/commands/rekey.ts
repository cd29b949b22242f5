/**
 * `lentera rekey`: registration only; the implementation (src/cli/handlers/rekey.ts) loads when the
 * command runs.
 */
import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("rekey")
    .description("re-encrypt stored personal data under the first key of LENTERA_DATA_KEY (after a key rotation)")
    .action(async () => (await import("../handlers/rekey.js")).rekey());
}
