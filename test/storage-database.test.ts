import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { sql } from "kysely";
import { createLogger } from "../src/logger.js";
import { openDatabase } from "../src/storage/db.js";
import { DataKeyError, generateDataKey } from "../src/storage/keys.js";
import { migrations } from "../src/storage/migrations/index.js";
import { backends, createTestConfig, openTestDatabase, type TestDatabase } from "./helpers/databases.js";

describe.each(backends)("database on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(() => t.dispose());

  it("runs every migration", async () => {
    const rows = await t.db.kysely.selectFrom("kysely_migration").select("name").execute();
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
    expect(t.db.dialect).toBe(backend);
  });

  it("is idempotent when opened again (a second process, a restart)", async () => {
    const again = await openDatabase(t.config);
    await again.close();
  });

  it("refuses a different data key than the one the data was written with", async () => {
    await expect(openDatabase({ ...t.config, LENTERA_DATA_KEY: generateDataKey() })).rejects.toThrow(DataKeyError);
  });
});

describe("embedded default", () => {
  it("uses a WAL SQLite file with synchronous=FULL under the data directory", async () => {
    const t = await openTestDatabase("sqlite");
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(t.db.kysely);
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(t.db.kysely);
      expect(mode.rows[0]?.journal_mode).toBe("wal");
      expect(sync.rows[0]?.synchronous).toBe(2); // FULL
      expect(statSync(path.join(t.config.dataDir, "lentera.db")).isFile()).toBe(true);
    } finally {
      await t.dispose();
    }
  });

  it("creates a private key file when LENTERA_DATA_KEY is unset, and reuses it", async () => {
    const t = await createTestConfig("sqlite", { LENTERA_DATA_KEY: "" });
    try {
      let logged = "";
      const logger = createLogger("info", new Writable({ write: (c, _e, done) => ((logged += c.toString()), done()) }));
      const first = await openDatabase(t.config, { logger });
      expect(logged).toContain(path.join(t.config.dataDir, "lentera.key"));
      expect(logged).toContain("LENTERA_DATA_KEY is not set");
      const ciphertext = first.cipher.encrypt("x");
      await first.close();
      const keyFile = path.join(t.config.dataDir, "lentera.key");
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const second = await openDatabase(t.config);
      expect(second.cipher.decrypt(ciphertext)).toBe("x");
      await second.close();
    } finally {
      await t.dispose();
    }
  });

  it("rejects a malformed LENTERA_DATA_KEY with a clear message", async () => {
    const t = await createTestConfig("sqlite", { LENTERA_DATA_KEY: "c2hvcnQ=" });
    try {
      await expect(openDatabase(t.config)).rejects.toThrow(/LENTERA_DATA_KEY must be base64 of exactly 32 bytes/);
    } finally {
      await t.dispose();
    }
  });
});
