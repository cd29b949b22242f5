/**
 * A fresh, isolated database per call on either backend, so any test can run against both:
 *
 *   describe.each(backends)("%s", (backend) => {
 *     let t: TestDatabase;
 *     beforeAll(async () => { t = await openTestDatabase(backend); });
 *     afterAll(() => t.dispose());
 *     …t.db, t.config…
 *   });
 *
 * SQLite: a new data directory. PostgreSQL: a new database (unique name) on the server started by
 * test/setup/postgres.ts. Each gets its own random data key unless `env` overrides it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { loadConfig, type Config } from "../../src/config.js";
import { openDatabase, type Db } from "../../src/storage/db.js";
import { generateDataKey } from "../../src/storage/keys.js";

export type Backend = "sqlite" | "postgres";
export const backends: Backend[] = ["sqlite", "postgres"];

export interface TestConfig {
  backend: Backend;
  config: Config;
  /** The environment the config was parsed from (pass it to child processes). */
  env: Record<string, string>;
  /** Drops the database / data directory. */
  dispose(): Promise<void>;
}

export interface TestDatabase extends TestConfig {
  db: Db;
}

export function testDatabaseAdminUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? inject("TEST_DATABASE_URL");
  if (!url) throw new Error("TEST_DATABASE_URL is not set: is test/setup/postgres.ts the vitest globalSetup?");
  return url;
}

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lentera_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(testDatabaseAdminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A parsed Config pointing at a fresh database of `backend`; nothing is opened yet. */
export async function createTestConfig(backend: Backend, env: Record<string, string> = {}): Promise<TestConfig> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lentera-test-"));
  const pgDb = backend === "postgres" ? await createPostgresDatabase() : undefined;
  const fullEnv: Record<string, string> = {
    LENTERA_DATA_DIR: dataDir,
    LENTERA_DATA_KEY: generateDataKey(),
    LOG_LEVEL: "silent",
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    ...env,
  };
  return {
    backend,
    config: loadConfig(fullEnv),
    env: fullEnv,
    dispose: async () => {
      await pgDb?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database of `backend`, opened and migrated. `dispose()` closes and deletes it. */
export async function openTestDatabase(backend: Backend, env: Record<string, string> = {}): Promise<TestDatabase> {
  const t = await createTestConfig(backend, env);
  const db = await openDatabase(t.config);
  return {
    ...t,
    db,
    dispose: async () => {
      await db.close();
      await t.dispose();
    },
  };
}
