/**
 * Drives the real console channel in-process: lines go in through a stream exactly as typed in a
 * terminal, and each `send` resolves with what the bot printed in reply. Plus a test app (createApp
 * on a fresh database of either backend) and a runner for the `lentera` CLI as a child process.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { startConsole } from "../../src/channels/console/index.js";
import type { RunningConsole } from "../../src/channels/console/console-channel.js";
import { createLogger } from "../../src/logger.js";
import { createTestConfig, type Backend, type TestConfig } from "./databases.js";

export const REF_PATTERN = /LTR-[0-9A-Z]{4}-[0-9A-Z]{2}/;

export class ConsoleSession {
  readonly #input = new PassThrough();
  #printed = "";
  readonly running: RunningConsole;

  constructor(app: App, session: string, opts: { langHint?: string } = {}) {
    const output = new Writable({
      write: (chunk: Buffer | string, _encoding, done) => {
        this.#printed += chunk.toString();
        done();
      },
    });
    // Notices are delivered explicitly (deliverNotices) so tests decide when they arrive.
    this.running = startConsole(app, { input: this.#input, output, session, noticePollMs: 3_600_000, ...opts });
  }

  /** Types one line; resolves with everything printed in reply. */
  async send(line: string): Promise<string> {
    const from = this.#printed.length;
    this.#input.write(`${line}\n`);
    await new Promise((resolve) => setImmediate(resolve));
    await this.running.idle();
    return this.#printed.slice(from);
  }

  /** Types each line in turn; resolves with the reply to the last one. */
  async sendAll(lines: string[]): Promise<string> {
    let reply = "";
    for (const line of lines) reply = await this.send(line);
    return reply;
  }

  async deliverNotices(): Promise<string> {
    const from = this.#printed.length;
    await this.running.deliverNotices();
    return this.#printed.slice(from);
  }

  get transcript(): string {
    return this.#printed;
  }

  async close(): Promise<void> {
    this.#input.end();
    await this.running.finished;
  }
}

export interface TestApp extends TestConfig {
  app: App;
  /** Closes the app and opens a new one on the same database and data directory (a restart). */
  restart(): Promise<App>;
}

export async function openTestApp(backend: Backend, env: Record<string, string> = {}): Promise<TestApp> {
  const t = await createTestConfig(backend, env);
  const open = () => createApp(t.config, { logger: createLogger("silent") });
  const testApp: TestApp = {
    ...t,
    app: await open(),
    async restart() {
      await testApp.app.close();
      testApp.app = await open();
      return testApp.app;
    },
    async dispose() {
      await testApp.app.close();
      await t.dispose();
    },
  };
  return testApp;
}

/** One test app for the tests of a describe block: opened before them, disposed after. */
export function useTestApp(backend: Backend): () => TestApp {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(() => t?.dispose());
  return () => {
    if (!t) throw new Error("the test app is not open yet");
    return t;
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `lentera <args>` as a child process with `lines` on stdin (then end of input).
 * `whileRunning` may act on the live process (e.g. send a signal) before input ends.
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  lines: string[],
  whileRunning?: (child: ReturnType<typeof spawn>, output: { stdout: () => string; stderr: () => string }) => Promise<void>,
): Promise<CliRun> {
  const child = spawn(process.execPath, [path.join(root, "bin/lentera.js"), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<CliRun>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  child.stdin.write(lines.map((l) => `${l}\n`).join(""));
  const acting = (whileRunning?.(child, { stdout: () => stdout, stderr: () => stderr }) ?? Promise.resolve()).finally(() =>
    child.stdin.end(),
  );
  return Promise.all([exited, acting]).then(
    ([run]) => run,
    (err: unknown) => {
      child.kill("SIGKILL");
      throw err;
    },
  );
}

/** Resolves once `read()` contains `needle` (polling), or rejects after `timeoutMs`. */
export async function waitFor(read: () => string, needle: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!read().includes(needle)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${JSON.stringify(needle)}; got:\n${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
