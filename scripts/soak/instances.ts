/**
 * `lentera start` child processes sharing one database: start (port 0, the bound port is read
 * from the start-up line), wait until /readyz answers, SIGKILL, graceful SIGTERM stop.
 * Each instance's stderr (pino logs) goes to its own file for diagnosis after the run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const LISTENING = /http:\/\/127\.0\.0\.1:(\d+)/;

export interface Instance {
  name: string;
  /** http://127.0.0.1:PORT of the running process. */
  url: string;
  pid: number;
  /** Milliseconds from spawn to ready. */
  bootMs: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): Promise<void>;
  /** SIGTERM, then waits for the process to finish its in-flight work and exit. */
  stop(timeoutMs?: number): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null }>;
}

export interface InstanceOptions {
  name: string;
  env: Record<string, string>;
  logDir: string;
  bootTimeoutMs?: number;
}

async function waitReady(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error("instance exited during start-up");
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`instance not ready at ${url}/readyz`);
}

export async function startInstance(o: InstanceOptions): Promise<Instance> {
  const started = Date.now();
  const deadline = started + (o.bootTimeoutMs ?? 90_000);
  const log = createWriteStream(path.join(o.logDir, `${o.name}.log`), { flags: "a" });
  const child = spawn(process.execPath, [path.join(repoRoot, "bin/lentera.js"), "start"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...o.env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      log.end();
      resolve({ code, signal });
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen: string | undefined = "";
    const timer = setTimeout(() => reject(new Error(`${o.name}: no listening line within the boot timeout; see ${o.name}.log`)), deadline - Date.now());
    child.stderr!.on("data", (chunk: Buffer) => {
      log.write(chunk);
      if (seen === undefined) return;
      seen += chunk.toString("utf8");
      const m = LISTENING.exec(seen);
      if (m) {
        seen = undefined;
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${o.name} exited during start-up (code ${code}, signal ${signal}); see ${path.join(o.logDir, `${o.name}.log`)}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, deadline);

  return {
    name: o.name,
    url,
    pid: child.pid!,
    bootMs: Date.now() - started,
    exited,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop(timeoutMs = 30_000) {
      const at = Date.now();
      if (child.exitCode !== null || child.signalCode !== null) return { ms: 0, ...(await exited) };
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return { ms: Date.now() - at, ...result };
    },
  };
}
