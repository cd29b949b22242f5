import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTipService } from "../src/core/tips/service.js";
import { openDatabase } from "../src/storage/db.js";
import { keyIdOf } from "../src/storage/crypto.js";
import { DataKeyError, generateDataKey } from "../src/storage/keys.js";
import { reencryptUnderCurrentKey } from "../src/storage/rekey.js";
import { SqlSessionStore } from "../src/storage/session-store.js";
import { backends, createTestConfig, type TestConfig } from "./helpers/databases.js";
import { newTip } from "./helpers/tips.js";

describe.each(backends)("data key rotation on %s", (backend) => {
  const oldKey = generateDataKey();
  const newKey = generateDataKey();
  let t: TestConfig;
  beforeAll(async () => {
    t = await createTestConfig(backend, { LENTERA_DATA_KEY: oldKey });
  });
  afterAll(() => t.dispose());

  const open = (keys: string) => openDatabase({ ...t.config, LENTERA_DATA_KEY: keys });
  const phone = { type: "phone" as const, value: "0812-7777-1234" };

  it("keeps old rows readable and pseudonyms stable with NEW,OLD, re-encrypts them, then runs on NEW alone", async () => {
    const before = await open(oldKey);
    const { ref } = await createTipService({ db: before, config: t.config }).submit(newTip("recruiter", { entities: [phone] }));
    await new SqlSessionStore(before).put("telegram", "55", { step: "ask-name" });
    await before.close();

    const rotated = await open(`${newKey},${oldKey}`);
    const tips = createTipService({ db: rotated, config: t.config });
    expect((await tips.show(ref))?.details).toMatchObject({ recruiterName: "PT Maju Jaya" });
    expect(await new SqlSessionStore(rotated).get("telegram", "55")).toEqual({ step: "ask-name" });
    const later = await tips.submit(newTip("recruiter", { entities: [phone] }));
    expect((await tips.show(later.ref))?.related.map((r) => r.ref)).toEqual([ref]); // linked across the rotation

    const results = await reencryptUnderCurrentKey(rotated);
    expect(results.find((r) => r.table === "tips" && r.column === "details_enc")?.reencrypted).toBe(1);
    expect(results.find((r) => r.table === "sessions")?.reencrypted).toBe(1);
    expect((await reencryptUnderCurrentKey(rotated)).every((r) => r.reencrypted === 0)).toBe(true);
    await rotated.close();

    const after = await open(newKey);
    expect((await createTipService({ db: after, config: t.config }).show(ref))?.entities).toContainEqual({ type: "phone", value: "+6281277771234" });
    const stored = await after.kysely.selectFrom("tips").select(["details_enc", "reporter_address_enc"]).execute();
    for (const row of stored) for (const v of Object.values(row)) expect(v).toMatch(new RegExp(`^v1\\.${keyIdOf(Buffer.from(newKey, "base64"))}\\.`));
    await after.close();

    await expect(open(oldKey)).rejects.toThrow(DataKeyError);
  });
});
