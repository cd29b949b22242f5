import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import pg from "pg";
import { createTipService } from "../src/core/tips/service.js";
import { createLogger } from "../src/logger.js";
import { DecryptionError, FieldCipher } from "../src/storage/crypto.js";
import { SqlNoticeQueue } from "../src/storage/notice-queue.js";
import { Outbox } from "../src/storage/outbox.js";
import { SqlSessionStore } from "../src/storage/session-store.js";
import { backends, openTestDatabase, type TestDatabase } from "./helpers/databases.js";
import { newTip, useTipService } from "./helpers/tips.js";

const SECRETS = {
  name: "Wulandari Kusumawati",
  phone: "081298765432",
  phoneE164: "+6281298765432",
  address: "tg-chat-99887766",
  contact: "kakak.wulan@example.org",
  question: "Apakah Wulandari punya tato?",
  sessionText: "Ibu saya bernama Sumarni",
};

/** The database file and its WAL (recent commits live there until a checkpoint). */
function everythingStoredSqlite(t: TestDatabase): string {
  return readdirSync(t.config.dataDir)
    .filter((f) => f.startsWith("lentera.db"))
    .map((f) => readFileSync(path.join(t.config.dataDir, f)).toString("latin1"))
    .join("\n");
}

async function everythingStoredPostgres(t: TestDatabase): Promise<string> {
  const client = new pg.Client({ connectionString: t.config.DATABASE_URL });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public'");
    const rows: string[] = [];
    for (const { tablename } of tables.rows)
      rows.push(...(await client.query(`select t::text as row from "${tablename}" t`)).rows.map((r) => r.row as string));
    return rows.join("\n");
  } finally {
    await client.end();
  }
}

describe.each(backends)("encryption at rest on %s", (backend) => {
  const ctx = useTipService(backend);

  it("stores no plaintext name, phone, chat id, contact, question or session text anywhere in the database", async () => {
    const reporter = { channel: "telegram" as const, address: SECRETS.address, contact: SECRETS.contact };
    const { ref } = await ctx.tips.submit(
      newTip("missing_person", {
        details: { name: SECRETS.name, employer: `Agen ${SECRETS.phone}` },
        entities: [{ type: "phone", value: SECRETS.phone }],
        reporter,
      }),
    );
    await ctx.tips.act(ref, "officer-1", "ask", { text: SECRETS.question });
    await ctx.tips.addReporterReply("telegram", SECRETS.address, `Nomor saya ${SECRETS.phone}`);
    await new SqlSessionStore(ctx.t.db).put("telegram", SECRETS.address, { draft: SECRETS.sessionText });
    await new Outbox(ctx.t.db).enqueue("test.topic", { phone: SECRETS.phone });

    // The officer still sees everything decrypted.
    const view = await ctx.tips.show(ref);
    expect(view?.details.name).toBe(SECRETS.name);
    expect(view?.reporterContact).toBe(SECRETS.contact);
    expect(view?.entities).toContainEqual({ type: "phone", value: SECRETS.phoneE164 });

    const stored = backend === "sqlite" ? everythingStoredSqlite(ctx.t) : await everythingStoredPostgres(ctx.t);
    expect(stored).toContain(ref); // the dump really covers the tips table
    for (const secret of [SECRETS.name, "Wulandari", SECRETS.phone, SECRETS.phoneE164, "81298765432", SECRETS.address, SECRETS.contact, SECRETS.question, SECRETS.sessionText])
      expect(stored, `plaintext "${secret}" found in the ${backend} database`).not.toContain(secret);
  });

  it("hands the notice queue the decrypted routing address only when a channel claims it", async () => {
    const queue = new SqlNoticeQueue(ctx.t.db);
    const claimed = await queue.claim("telegram", 10);
    expect(claimed.map((c) => c.address)).toContain(SECRETS.address);
  });
});

describe("FieldCipher", () => {
  const key = Buffer.alloc(32, 7);
  const cipher = new FieldCipher(key);

  it("uses a fresh random IV per value and a versioned, key-identified format", () => {
    const a = cipher.encrypt("Siti");
    const b = cipher.encrypt("Siti");
    expect(a).not.toBe(b);
    expect(a).toMatch(new RegExp(`^v1\\.${cipher.keyId}\\.[A-Za-z0-9_-]+$`));
    const iv = (ct: string) => Buffer.from(ct.split(".")[2]!, "base64url").subarray(0, 12).toString("hex");
    expect(iv(a)).not.toBe(iv(b));
    expect(cipher.decrypt(a)).toBe("Siti");
  });

  it("rejects tampered ciphertext, a foreign key and garbage", () => {
    const ct = cipher.encrypt("Siti Rahayu");
    const raw = Buffer.from(ct.split(".")[2]!, "base64url");
    raw[raw.length - 1]! ^= 1;
    expect(() => cipher.decrypt(`v1.${cipher.keyId}.${raw.toString("base64url")}`)).toThrow(DecryptionError);
    const tag = Buffer.from(ct.split(".")[2]!, "base64url");
    tag[12]! ^= 1;
    expect(() => cipher.decrypt(`v1.${cipher.keyId}.${tag.toString("base64url")}`)).toThrow(/failed authentication/);
    expect(() => new FieldCipher(Buffer.alloc(32, 8)).decrypt(ct)).toThrow(/encrypted under key/);
    expect(() => cipher.decrypt("Siti Rahayu")).toThrow(DecryptionError);
  });

  it("gives stable keyed pseudonyms that differ under another key", () => {
    expect(cipher.pseudonym("+6281234567890")).toBe(cipher.pseudonym("+6281234567890"));
    expect(cipher.pseudonym("+6281234567890")).not.toBe(cipher.pseudonym("+6281234567891"));
    expect(new FieldCipher(Buffer.alloc(32, 8)).pseudonym("+6281234567890")).not.toBe(cipher.pseudonym("+6281234567890"));
    expect(cipher.pseudonym("+6281234567890")).not.toContain("6281234567890");
  });
});

describe("logs", () => {
  it("carry no personal data from the tip service, and redact it if a payload slips through", async () => {
    const t = await openTestDatabase("sqlite");
    let captured = "";
    const sink = new Writable({ write: (chunk, _enc, done) => ((captured += chunk.toString()), done()) });
    const logger = createLogger("trace", sink);
    try {
      const tips = createTipService({ db: t.db, config: t.config, logger });
      const reporter = { channel: "telegram" as const, address: SECRETS.address, contact: SECRETS.contact };
      const { ref } = await tips.submit(newTip("missing_person", { details: { name: SECRETS.name }, reporter }));
      await tips.deleteReporterData("telegram", SECRETS.address);
      logger.info({ details: { name: SECRETS.name }, address: SECRETS.address, contact: SECRETS.contact }, "slipped");
      expect(captured).toContain(ref);
      for (const secret of [SECRETS.name, SECRETS.address, SECRETS.contact]) expect(captured).not.toContain(secret);
    } finally {
      await t.dispose();
    }
  });
});
