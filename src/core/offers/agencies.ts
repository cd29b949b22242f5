/**
 * The licensed-agency registry (P3MI with a SIP3MI licence) and how a company name from an offer is matched
 * against it: legal forms and their spellings ("PT", "P.T.", "PT.", "Tbk", "(Persero)") are ignored, and small
 * spelling differences are tolerated (edit distance), so "PT. Maju Jaya Abadi" and "pt maju jaya abdi" meet.
 * No agency data ships with the project: the registry is empty until `lentera agencies import` loads the
 * official list, and until then every lookup says "no_registry".
 */
import { distance } from "fastest-levenshtein";
import type { AgencyMatch } from "../ports.js";

export type AgencyStatus = "licensed" | "revoked_or_expired";

export interface AgencyRecord {
  name: string;
  licence?: string;
  address?: string;
  status: AgencyStatus;
  /** Last day of validity (YYYY-MM-DD); a past date makes a licensed record expired. */
  validUntil?: string;
}

/** Where the registry lives (SQL store in production, memory in tests). */
export interface AgencyRegistry {
  list(): Promise<AgencyRecord[]>;
  /** Changes whenever the registry changes, so a matcher knows when to reload. */
  version(): Promise<string>;
  /** Inserts new companies and updates known ones (same name key). */
  upsert(records: readonly AgencyRecord[]): Promise<{ inserted: number; updated: number }>;
}

const LEGAL_FORMS = /\b(?:p\s?t|cv|tbk|persero|perseroan terbatas|sdn bhd|sdn|bhd|co ltd|pte ltd|ltd|limited|inc|llc|corp|corporation)\b/g;

/** The comparable form of a company name: no legal form, punctuation, case or diacritics. */
export function agencyKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[.,()'’"&/-]/g, " ")
    .replace(/\s+/g, " ")
    .replace(LEGAL_FORMS, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Edits tolerated for a key of this length: none for short names, where one letter makes another company. */
function tolerance(key: string): number {
  if (key.length <= 4) return 0;
  if (key.length <= 8) return 1;
  if (key.length <= 16) return 2;
  return 3;
}

function effectiveStatus(record: AgencyRecord, today: string): AgencyStatus {
  if (record.status === "licensed" && record.validUntil && record.validUntil < today) return "revoked_or_expired";
  return record.status;
}

interface IndexedAgency {
  record: AgencyRecord;
  key: string;
  compact: string;
}

/** An in-memory index of the registry for fast, typo-tolerant lookups. */
export class AgencyIndex {
  readonly #byKey = new Map<string, IndexedAgency[]>();
  readonly #all: IndexedAgency[] = [];

  constructor(records: readonly AgencyRecord[]) {
    for (const record of records) {
      const key = agencyKey(record.name);
      if (!key) continue;
      const entry = { record, key, compact: key.replace(/ /g, "") };
      this.#all.push(entry);
      this.#byKey.set(key, [...(this.#byKey.get(key) ?? []), entry]);
    }
  }

  get size(): number {
    return this.#all.length;
  }

  /** The registered company a name refers to, if any. Exact key first, then the closest within tolerance. */
  find(name: string): AgencyRecord | undefined {
    const key = agencyKey(name);
    if (!key) return undefined;
    const exact = this.#byKey.get(key);
    if (exact) return (exact.find((e) => e.record.status === "licensed") ?? exact[0])!.record;
    const compact = key.replace(/ /g, "");
    const allowed = tolerance(compact);
    let best: IndexedAgency | undefined;
    let bestDistance = allowed + 1;
    for (const entry of this.#all) {
      if (Math.abs(entry.compact.length - compact.length) > allowed) continue;
      const d = distance(entry.compact, compact);
      if (d < bestDistance) {
        best = entry;
        bestDistance = d;
      }
    }
    return best?.record;
  }
}

/** Looks names up in a registry, reloading its index when the registry version changes (checked at most every `refreshMs`). */
export class AgencyMatcher {
  #index: AgencyIndex | undefined;
  #version = "";
  #checkedAt = -Infinity;

  constructor(
    private readonly registry: AgencyRegistry | undefined,
    private readonly opts: { refreshMs?: number; now?: () => Date } = {},
  ) {}

  async match(name: string): Promise<AgencyMatch> {
    const index = await this.#current();
    if (!index || index.size === 0) return { name, status: "no_registry" };
    const record = index.find(name);
    if (!record) return { name, status: "not_found" };
    const today = (this.opts.now?.() ?? new Date()).toISOString().slice(0, 10);
    return {
      name: record.name,
      status: effectiveStatus(record, today),
      ...(record.licence ? { licence: record.licence } : {}),
      ...(record.address ? { address: record.address } : {}),
      query: name,
    };
  }

  async #current(): Promise<AgencyIndex | undefined> {
    if (!this.registry) return undefined;
    const now = this.opts.now?.().getTime() ?? Date.now();
    if (this.#index && now - this.#checkedAt < (this.opts.refreshMs ?? 30_000)) return this.#index;
    const version = await this.registry.version();
    if (!this.#index || version !== this.#version) {
      this.#index = new AgencyIndex(await this.registry.list());
      this.#version = version;
    }
    this.#checkedAt = now;
    return this.#index;
  }
}

/** A registry kept in memory: for tests and for running the checker without a database. */
export class InMemoryAgencyRegistry implements AgencyRegistry {
  readonly #byKey = new Map<string, AgencyRecord>();
  #changes = 0;

  constructor(records: readonly AgencyRecord[] = []) {
    for (const r of records) this.#byKey.set(agencyKey(r.name), r);
  }

  async list(): Promise<AgencyRecord[]> {
    return [...this.#byKey.values()];
  }

  async version(): Promise<string> {
    return `${this.#byKey.size}:${this.#changes}`;
  }

  async upsert(records: readonly AgencyRecord[]): Promise<{ inserted: number; updated: number }> {
    let inserted = 0;
    let updated = 0;
    for (const r of records) {
      const key = agencyKey(r.name);
      if (this.#byKey.has(key)) updated++;
      else inserted++;
      this.#byKey.set(key, r);
    }
    this.#changes++;
    return { inserted, updated };
  }
}
