import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GroupCommitter } from "../src/storage/group-commit.js";
import { backends, openTestDatabase, type TestDatabase } from "./helpers/databases.js";

describe.each(backends)("shared durable commits on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(() => t.dispose());

  const keys = async (prefix: string) =>
    (await t.db.kysely.selectFrom("meta").select("key").where("key", "like", `${prefix}%`).execute()).map((r) => r.key).sort();

  it("commits every concurrent write except the failing ones, which leave nothing behind", async () => {
    const committer = new GroupCommitter(t.db);
    await t.db.kysely.insertInto("meta").values({ key: "gc-taken", value: "x" }).execute();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        committer.run(async (trx) => {
          await trx.insertInto("meta").values({ key: `gc-${String(i).padStart(2, "0")}`, value: "v" }).execute();
          if (i === 7) throw new Error("write 7 failed halfway");
          if (i === 12) await trx.insertInto("meta").values({ key: "gc-taken", value: "dup" }).execute(); // constraint error
          return i;
        }),
      ),
    );
    expect(results[7]).toMatchObject({ status: "rejected", reason: new Error("write 7 failed halfway") });
    expect(results[12]?.status).toBe("rejected");
    expect(results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<number>).value)).toHaveLength(18);
    const expected = Array.from({ length: 20 }, (_, i) => `gc-${String(i).padStart(2, "0")}`).filter((k) => k !== "gc-07" && k !== "gc-12");
    expect(await keys("gc-")).toEqual([...expected, "gc-taken"].sort());
  });

  it("keeps working after a batch failed to commit", async () => {
    const committer = new GroupCommitter(t.db);
    await expect(committer.run(() => Promise.reject(new Error("nope")))).rejects.toThrow("nope");
    await committer.run((trx) => trx.insertInto("meta").values({ key: "after-1", value: "v" }).execute());
    expect(await keys("after-")).toEqual(["after-1"]);
  });
});
