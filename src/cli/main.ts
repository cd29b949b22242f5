/**
 * The `lentera` command. Each file in ./commands registers one sub-command, so features
 * add commands without touching this file. Command files only declare their command and import
 * its implementation (./handlers) when it runs: `lentera --help` must not load the whole app.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";

export interface CommandModule {
  register(program: Command): void;
}

const program = new Command("lentera")
  .description("Lentera: safe-migration help, job-offer checks and trafficking tip-offs")
  .showHelpAfterError();

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "commands");
for (const file of readdirSync(commandsDir).filter((f) => f.endsWith(".ts")).sort()) {
  const mod = (await import(path.join(commandsDir, file))) as CommandModule;
  mod.register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // A ConfigError can only come from a command that loaded the config module, so this import is free then.
  const { ConfigError } = await import("../config.js");
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
