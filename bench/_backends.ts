/**
 * Runs a bench on each backend in turn, each with a throw-away database: SQLite (WAL,
 * synchronous=FULL) in a temporary data directory, then PostgreSQL on the embedded server (fsync on)
 * or, when BENCH_DATABASE_URL is set, on that external server.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { loadConfig, type Config } from "../src/config.js";
import { generateDataKey } from "../src/storage/keys.js";
import { startEmbeddedPostgres } from "../test/helpers/embedded-postgres.js";

async function freshPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lentera_bench_${Date.now()}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(query).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function onEachBackend(bench: (label: string, config: Config) => Promise<void>): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lentera-bench-"));
  const env = { LENTERA_DATA_DIR: dataDir, LENTERA_DATA_KEY: generateDataKey(), LOG_LEVEL: "silent" };
  try {
    await bench("sqlite", loadConfig(env));
    const server = process.env.BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres({ durable: true });
    try {
      const database = await freshPostgresDatabase(process.env.BENCH_DATABASE_URL ?? server!.url);
      try {
        await bench(server ? "postgres (embedded, fsync on)" : "postgres", loadConfig({ ...env, DATABASE_URL: database.url }));
      } finally {
        await database.drop();
      }
    } finally {
      await server?.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
