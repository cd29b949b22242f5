/**
 * Lease bookkeeping of the durable queues: a worker's heartbeat renews the leases of the events it
 * still holds (never those finished or released meanwhile), and finishing or releasing a leased row
 * survives a short database outage instead of leaving the row to its lease.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpFaultProxy, type TcpFaultProxy } from "../scripts/soak/tcp-fault-proxy.js";
import { openDatabase, toDbTime, type Db } from "../src/storage/db.js";
import { Inbox } from "../src/storage/inbox.js";
import { backends, openTestDatabase, type TestDatabase } from "./helpers/databases.js";
import { manualClock } from "./helpers/tips.js";

const LEASE_MS = 30_000;

const inboxRow = (db: Db, id: string) =>
  db.kysely.selectFrom("inbox").select(["done_at", "lease_until", "not_before", "last_error"]).where("id", "=", Number(id)).executeTakeFirstOrThrow();

describe.each(backends)("lease renewal on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(() => t.dispose());

  it("keeps a renewed event from other workers past its first lease, and frees it one lease after the last renewal", async () => {
    const clock = manualClock();
    const holder = new Inbox(t.db, { clock: clock.now });
    const other = new Inbox(t.db, { clock: clock.now }); // another worker
    await holder.store("renewal", "slow-llm-call", { n: 1 });
    const [event] = await holder.claimPending("renewal", 10, LEASE_MS);

    clock.advanceMinutes(0.25);
    expect(await holder.extendLeases([event!.id], LEASE_MS)).toBe(1);
    clock.advanceMinutes(0.25); // 30 s after the claim: the first lease alone would have run out
    expect(await other.claimPending("renewal", 10, LEASE_MS)).toEqual([]);

    clock.advanceMinutes(0.5); // the holder died after its renewal
    const [taken] = await other.claimPending("renewal", 10, LEASE_MS);
    expect(taken).toMatchObject({ id: event!.id, attempts: 2 });
  });

  it("never leases again an event that was finished or released meanwhile", async () => {
    const clock = manualClock();
    const inbox = new Inbox(t.db, { clock: clock.now });
    for (const id of ["finished", "released", "in-hand"]) await inbox.store("no-revival", id, { id });
    const [finished, released, inHand] = await inbox.claimPending("no-revival", 10, LEASE_MS);
    await inbox.done(finished!.id);
    await inbox.retryLater(released!.id, clock.now(), "processing failed");

    expect(await inbox.extendLeases([finished!.id, released!.id, inHand!.id], LEASE_MS)).toBe(1);
    expect(await inboxRow(t.db, finished!.id)).toMatchObject({ lease_until: null, done_at: expect.any(String) });
    expect(await inboxRow(t.db, released!.id)).toMatchObject({ lease_until: null, done_at: null });
    expect((await inboxRow(t.db, inHand!.id)).lease_until).toBe(toDbTime(new Date(clock.now().getTime() + LEASE_MS)));

    // The released event is claimable at once; the finished one never again.
    expect((await inbox.claimPending("no-revival", 10, LEASE_MS)).map((e) => e.eventId)).toEqual(["released"]);
    expect(await inbox.extendLeases([], LEASE_MS)).toBe(0);
  });
});

describe("finishing and releasing leases through a database outage (postgres)", () => {
  let t: TestDatabase;
  let proxy: TcpFaultProxy;
  let proxied: Db;
  beforeAll(async () => {
    t = await openTestDatabase("postgres");
    const url = new URL(t.config.DATABASE_URL!);
    proxy = await startTcpFaultProxy({ host: url.hostname, port: Number(url.port) });
    url.port = String(proxy.port);
    // A Db of its own: the outage must hit the pool the writes go through.
    proxied = await openDatabase({ ...t.config, DATABASE_URL: url.toString() });
  });
  afterAll(async () => {
    await proxied?.close();
    await proxy?.close();
    await t?.dispose();
  });

  it("marks an event done and releases another although the database was unreachable for a second when they were written", async () => {
    const direct = new Inbox(t.db);
    const worker = new Inbox(proxied);
    await direct.store("outage", "finished", {});
    await direct.store("outage", "released", {});
    const [finished, released] = await worker.claimPending("outage", 10, 60 * 60_000);

    const outage = proxy.outage(1_000);
    await expect(proxied.kysely.selectFrom("inbox").select("id").execute()).rejects.toThrow();
    const retryAt = new Date(Date.now() + 60_000);
    await Promise.all([worker.done(finished!.id), worker.retryLater(released!.id, retryAt, "processing failed"), outage]);

    expect(await inboxRow(t.db, finished!.id)).toMatchObject({ done_at: expect.any(String), lease_until: null });
    expect(await inboxRow(t.db, released!.id)).toEqual({
      done_at: null, lease_until: null, not_before: toDbTime(retryAt), last_error: "processing failed",
    });
  });
});
