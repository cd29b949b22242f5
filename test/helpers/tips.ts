/** Valid NewTip values, a controllable clock and a ready tip service for tests. */
import { afterAll, beforeAll } from "vitest";
import { createTipService, type LenteraTipService } from "../../src/core/tips/service.js";
import type { NewTip, TipKind } from "../../src/core/tips/types.js";
import { openTestDatabase, type Backend, type TestDatabase } from "./databases.js";

const detailsByKind: Record<TipKind, Record<string, unknown>> = {
  missing_person: { name: "Siti Rahayu", age: 24, relationship: "sibling", destinationCountry: "Malaysia" },
  recruiter: { recruiterName: "PT Maju Jaya", offerText: "Kerja di pabrik, gaji 15 juta, tanpa biaya" },
  danger_now: { where: "Mess karyawan blok C", whatIsHappening: "Paspor ditahan, tidak boleh keluar", howMany: 6 },
  other: { description: "Ada penampungan calon pekerja di rumah kosong" },
};

export function newTip(kind: TipKind = "missing_person", overrides: Partial<NewTip> = {}): NewTip {
  return {
    kind,
    lang: "id",
    details: detailsByKind[kind],
    entities: [],
    attachments: [],
    reporter: { channel: "console", address: "console-session-1" },
    consent: { at: new Date("2026-01-01T00:00:00Z"), noticeVersion: "2026-01" },
    ...overrides,
  };
}

/** A controllable clock for createTipService({ clock }). */
export function manualClock(start = new Date("2026-03-01T08:00:00Z")) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advanceMinutes(minutes: number) {
      now += minutes * 60_000;
    },
  };
}

/**
 * A fresh database of `backend` with a tip service on it for the enclosing describe block.
 * Read `ctx.t` / `ctx.tips` inside tests (they are set in beforeAll).
 */
export function useTipService(backend: Backend, opts: { env?: Record<string, string>; clock?: () => Date } = {}) {
  const ctx = {} as { t: TestDatabase; tips: LenteraTipService };
  beforeAll(async () => {
    ctx.t = await openTestDatabase(backend, opts.env);
    ctx.tips = createTipService({ db: ctx.t.db, config: ctx.t.config, clock: opts.clock });
  });
  afterAll(() => ctx.t.dispose());
  return ctx;
}
