/**
 * Opens the one database of the process: embedded SQLite under the data directory by default,
 * PostgreSQL when DATABASE_URL is set. Runs every migration and checks the data key before
 * handing the connection out.
 */
import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import { setTimeout } from "node:timers/promises";
import Database from "better-sqlite3";
import pg from "pg";
import {
  CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, SqliteDriver,
  type DatabaseConnection, type Driver, type SqliteDialectConfig,
} from "kysely";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { DecryptionError, FieldCipher, generatePseudonymSecret } from "./crypto.js";
import { DataKeyError, loadDataKeys } from "./keys.js";
import { migrationProvider } from "./migrations/index.js";

export type DbDialect = "sqlite" | "postgres";

/**
 * Open one Db per process and share it: on SQLite all queries of a process go through one
 * connection (serialised by kysely), which is also what keeps a second handle in the same process
 * from waiting on a lock that process itself holds.
 */
export interface Db {
  kysely: Kysely<any>;
  dialect: DbDialect;
  cipher: FieldCipher;
  close(): Promise<void>;
}

export const SQLITE_FILE_NAME = "lentera.db";

const BUSY_TIMEOUT_MS = 10_000;

/**
 * Write transactions take SQLite's write lock up front (BEGIN IMMEDIATE): with the default deferred
 * BEGIN, a read-then-write transaction fails with SQLITE_BUSY when another process (e.g. the officer
 * CLI beside the server) committed in between. While another process holds the lock we wait
 * asynchronously instead of in SQLite's busy handler, which would freeze this process's event loop.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    await connection.executeQuery(CompiledQuery.raw("pragma busy_timeout = 0"));
    try {
      for (;;) {
        try {
          await connection.executeQuery(CompiledQuery.raw("begin immediate"));
          return;
        } catch (err) {
          if ((err as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw err;
          await setTimeout(2 + Math.random() * 10);
        }
      }
    } finally {
      await connection.executeQuery(CompiledQuery.raw(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`));
    }
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

function openSqlite(config: Config): Kysely<any> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(config.dataDir, SQLITE_FILE_NAME);
  const database = new Database(file);
  // Owner-only, like the key file; SQLite gives the -wal and -shm files the same mode.
  chmodSync(file, 0o600);
  // WAL lets readers run beside the writer; synchronous=FULL fsyncs every commit, so an
  // acknowledged tip survives a power cut, not only a process crash.
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  database.pragma("foreign_keys = ON");
  return new Kysely<any>({ dialect: new ImmediateSqliteDialect({ database }) });
}

function openPostgres(url: string, logger?: Logger): Kysely<any> {
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: "lentera" });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", (err) => logger?.error({ err: err.message }, "postgres pool error"));
  // A client that is checked out (between the queries of a transaction) when its connection drops emits
  // 'error' on itself, and an unheard 'error' ends the process. Its query fails anyway, and the pool
  // discards the broken client when it is released.
  pool.on("connect", (client) => client.on("error", (err) => logger?.warn({ err: err.message }, "postgres connection lost")));
  return new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
}

async function migrate(kysely: Kysely<any>): Promise<void> {
  // Unordered: the number ranges belong to different features, which may land in any order.
  const migrator = new Migrator({ db: kysely, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`database migration ${failed ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A secret kept in `meta`, encrypted under the data key: created on first open, re-encrypted under
 * the current key after a rotation. Failing to decrypt it means the wrong data key was loaded.
 */
async function metaSecret(kysely: Kysely<any>, cipher: FieldCipher, key: string, create: () => string): Promise<string> {
  await kysely
    .insertInto("meta")
    .values({ key, value: cipher.encrypt(create()) })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const { value } = await kysely.selectFrom("meta").select("value").where("key", "=", key).executeTakeFirstOrThrow();
  let plain: string;
  try {
    plain = cipher.decrypt(value);
  } catch (err) {
    if (!(err instanceof DecryptionError)) throw err;
    throw new DataKeyError(
      `the data key (LENTERA_DATA_KEY or lentera.key in the data directory) is not a key this database was written with (${err.message})`,
    );
  }
  if (cipher.isStale(value))
    await kysely.updateTable("meta").set({ value: cipher.encrypt(plain) }).where("key", "=", key).where("value", "=", value).execute();
  return plain;
}

/** Checks the data keys against the database and returns the cipher with the database's pseudonym secret. */
async function loadCipher(kysely: Kysely<any>, keys: Buffer[]): Promise<FieldCipher> {
  const keyring = new FieldCipher(keys);
  await metaSecret(kysely, keyring, "key_check", () => "key_check");
  // Pseudonyms must survive key rotation (sessions, reporter lookups and links are keyed by them),
  // so they come from their own secret rather than from the data key.
  const secret = await metaSecret(kysely, keyring, "pseudonym_secret", () => generatePseudonymSecret().toString("base64"));
  return new FieldCipher(keys, Buffer.from(secret, "base64"));
}

export async function openDatabase(config: Config, opts: { logger?: Logger } = {}): Promise<Db> {
  const keys = loadDataKeys(config, opts.logger);
  const dialect: DbDialect = config.DATABASE_URL ? "postgres" : "sqlite";
  const kysely = config.DATABASE_URL ? openPostgres(config.DATABASE_URL, opts.logger) : openSqlite(config);
  try {
    await migrate(kysely);
    const cipher = await loadCipher(kysely, keys);
    return { kysely, dialect, cipher, close: () => kysely.destroy() };
  } catch (err) {
    await kysely.destroy();
    throw err;
  }
}

/** True when a write failed on a UNIQUE / PRIMARY KEY constraint (either backend). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** Timestamps are stored as ISO-8601 UTC text: sortable and identical on both backends. */
export const toDbTime = (d: Date): string => d.toISOString();
export const fromDbTime = (s: string): Date => new Date(s);
