/**
 * Who may act on tips: the members of SLACK_OFFICER_USERGROUP (usergroups.users.list, cached
 * briefly) plus the ids in SLACK_OFFICER_IDS. Fails closed: with the group unreachable and no
 * earlier answer cached, only the configured ids are officers.
 */
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../logger.js";

export interface OfficerDirectoryOptions {
  usergroup?: string;
  ids: string[];
  ttlMs?: number;
  now?: () => number;
}

export class OfficerDirectory {
  readonly #client: webApi.WebClient;
  readonly #logger: Logger;
  readonly #usergroup: string | undefined;
  readonly #ids: Set<string>;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #members: { users: Set<string>; fetchedAt: number } | undefined;
  #inflight: Promise<Set<string>> | undefined;

  constructor(client: webApi.WebClient, logger: Logger, opts: OfficerDirectoryOptions) {
    this.#client = client;
    this.#logger = logger;
    this.#usergroup = opts.usergroup;
    this.#ids = new Set(opts.ids);
    this.#ttlMs = opts.ttlMs ?? 60_000;
    this.#now = opts.now ?? Date.now;
  }

  /** True when at least one way of being an officer is configured. */
  get configured(): boolean {
    return Boolean(this.#usergroup) || this.#ids.size > 0;
  }

  async isOfficer(userId: string): Promise<boolean> {
    if (this.#ids.has(userId)) return true;
    if (!this.#usergroup) return false;
    return (await this.#groupMembers()).has(userId);
  }

  async #groupMembers(): Promise<Set<string>> {
    const cached = this.#members;
    if (cached && this.#now() - cached.fetchedAt < this.#ttlMs) return cached.users;
    // One request at a time, however many clicks arrive together.
    this.#inflight ??= this.#fetch(this.#usergroup!).finally(() => (this.#inflight = undefined));
    return this.#inflight;
  }

  async #fetch(usergroup: string): Promise<Set<string>> {
    try {
      const res = await this.#client.usergroups.users.list({ usergroup });
      const users = new Set(res.users ?? []);
      this.#members = { users, fetchedAt: this.#now() };
      return users;
    } catch (err) {
      // A stale list beats locking every officer out during a Slack hiccup; no list means no one.
      this.#logger.warn({ err: (err as { code?: string }).code ?? "error" }, "could not read the officer user group");
      return this.#members?.users ?? new Set();
    }
  }
}
