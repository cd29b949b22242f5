import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../src/storage/db.js";
import { Inbox } from "../src/storage/inbox.js";
import { SqlNoticeQueue } from "../src/storage/notice-queue.js";
import { Outbox } from "../src/storage/outbox.js";
import { SqlSessionStore } from "../src/storage/session-store.js";
import { backends, openTestDatabase, type TestDatabase } from "./helpers/databases.js";
import { manualClock } from "./helpers/tips.js";

describe.each(backends)("durable queues on %s", (backend) => {
  let t: TestDatabase;
  let second: Db; // another connection to the same database, as a second process would have
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    second = await openDatabase(t.config);
  });
  afterAll(async () => {
    await second.close();
    await t.dispose();
  });

  describe("outbox", () => {
    it("delivers in order, retries after a crashed worker's lease expires, and parks after the attempt limit", async () => {
      const clock = manualClock();
      const outbox = new Outbox(t.db, { clock: clock.now, maxAttempts: 3 });
      await outbox.enqueue("lease.test", { n: 1 });
      await outbox.enqueue("lease.test", { n: 2 });
      await outbox.enqueue("other.topic", { n: 3 });

      const first = await outbox.claim("lease.test", 10, 30_000);
      expect(first.map((i) => [i.payload, i.attempts])).toEqual([[{ n: 1 }, 1], [{ n: 2 }, 1]]);
      expect(await outbox.claim("lease.test", 10, 30_000)).toEqual([]); // leased
      await outbox.done(first[0]!.id, { posted: "ts-1" });

      clock.advanceMinutes(1); // the worker holding n=2 died; its lease ran out
      const retried = await outbox.claim("lease.test", 10, 30_000);
      expect(retried.map((i) => [i.payload, i.attempts])).toEqual([[{ n: 2 }, 2]]);
      await outbox.retryLater(retried[0]!.id, new Date(clock.now().getTime() + 60_000), "slack 500");
      expect(await outbox.claim("lease.test", 10, 30_000)).toEqual([]); // backing off
      clock.advanceMinutes(2);
      const third = await outbox.claim("lease.test", 10, 30_000);
      expect(third.map((i) => i.attempts)).toEqual([3]);
      await outbox.retryLater(third[0]!.id, clock.now(), "slack 500 again");
      expect(await outbox.claim("lease.test", 10, 30_000)).toEqual([]);
      expect(await outbox.dead("lease.test")).toEqual([{ id: third[0]!.id, topic: "lease.test", attempts: 3, lastError: "slack 500 again" }]);
    });

    it("ignores a second enqueue with the same dedupe key", async () => {
      const outbox = new Outbox(t.db);
      await outbox.enqueue("dedupe.test", { n: 1 }, { dedupeKey: "tip-1:overdue" });
      await outbox.enqueue("dedupe.test", { n: 2 }, { dedupeKey: "tip-1:overdue" });
      expect((await outbox.claim("dedupe.test", 10, 1000)).map((i) => i.payload)).toEqual([{ n: 1 }]);
    });

    it("commits or rolls back with the transaction it was enqueued in", async () => {
      const outbox = new Outbox(t.db);
      await t.db.kysely.transaction().execute((trx) => outbox.enqueue("trx.test", { kept: true }, { trx }));
      await expect(
        t.db.kysely.transaction().execute(async (trx) => {
          await outbox.enqueue("trx.test", { kept: false }, { trx });
          throw new Error("the tip write failed");
        }),
      ).rejects.toThrow("the tip write failed");
      expect((await outbox.claim("trx.test", 10, 1000)).map((i) => i.payload)).toEqual([{ kept: true }]);
    });

    it("never hands the same item to two concurrent workers", async () => {
      const outbox = new Outbox(t.db);
      for (let i = 0; i < 60; i++) await outbox.enqueue("race.test", { i });
      const workers = [new Outbox(t.db), new Outbox(second), new Outbox(t.db), new Outbox(second)];
      const claimed: number[] = [];
      for (let round = 0; round < 10; round++) {
        const batches = await Promise.all(workers.map((w) => w.claim<{ i: number }>("race.test", 4, 60_000)));
        claimed.push(...batches.flat().map((b) => b.payload.i));
      }
      expect(claimed.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    });
  });

  describe("inbox", () => {
    it("accepts an event id once per source, across processes and under concurrent redelivery", async () => {
      const a = new Inbox(t.db);
      const b = new Inbox(second);
      const results = await Promise.all([a, b, a, b, a].map((inbox) => inbox.accept("telegram", "update-1001")));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await a.accept("whatsapp", "update-1001")).toBe(true);
      await expect(a.accept("telegram", "x".repeat(300))).rejects.toThrow(RangeError);
    });

    it("persists a payload before the ack and hands it out until processed", async () => {
      const clock = manualClock();
      const inbox = new Inbox(t.db, { clock: clock.now });
      expect(await inbox.store("whatsapp", "wamid.A", { text: "tolong" })).toBe(true);
      expect(await inbox.store("whatsapp", "wamid.A", { text: "tolong" })).toBe(false);
      const [event] = await inbox.claimPending<{ text: string }>("whatsapp", 10, 30_000);
      expect(event).toMatchObject({ eventId: "wamid.A", payload: { text: "tolong" }, attempts: 1 });
      clock.advanceMinutes(1); // the process died before finishing
      const [again] = await new Inbox(second, { clock: clock.now }).claimPending("whatsapp", 10, 30_000);
      expect(again).toMatchObject({ eventId: "wamid.A", attempts: 2 });
      await inbox.done(again!.id);
      clock.advanceMinutes(5);
      expect(await inbox.claimPending("whatsapp", 10, 30_000)).toEqual([]);
      expect(await inbox.accept("whatsapp", "wamid.A")).toBe(false);
    });
  });

  describe("sessions and notices", () => {
    it("keeps encrypted session state per reporter across connections", async () => {
      const store = new SqlSessionStore<{ flow: string; answers: string[] }>(t.db);
      await store.put("telegram", "42", { flow: "missing_person", answers: ["Ani"] });
      await store.put("telegram", "42", { flow: "missing_person", answers: ["Ani", "24"] });
      await store.put("whatsapp", "42", { flow: "other", answers: [] });
      expect(await new SqlSessionStore(second).get("telegram", "42")).toEqual({ flow: "missing_person", answers: ["Ani", "24"] });
      await store.delete("telegram", "42");
      expect(await store.get("telegram", "42")).toBeUndefined();
      expect(await store.get("whatsapp", "42")).toEqual({ flow: "other", answers: [] });
    });

    it("delivers reporter notices per channel, with retry", async () => {
      const queue = new SqlNoticeQueue(t.db, { leaseMs: 60_000 });
      const notice = { ref: "LTR-2345-67", lang: "en" as const, kind: "status" as const, text: "", status: "claimed" as const };
      await queue.enqueue({ channel: "whatsapp", address: "628111", notice });
      await queue.enqueue({ channel: "telegram", address: "999", notice });
      const claimed = await queue.claim("whatsapp", 10);
      expect(claimed).toEqual([{ id: expect.any(String), address: "628111", notice }]);
      await queue.retryLater(claimed[0]!.id, new Date(0), "window closed");
      const again = await queue.claim("whatsapp", 10);
      expect(again.map((n) => n.address)).toEqual(["628111"]);
      await queue.done(again[0]!.id);
      expect(await queue.claim("whatsapp", 10)).toEqual([]);
      expect((await queue.claim("telegram", 10)).map((n) => n.address)).toEqual(["999"]);
    });
  });
});
