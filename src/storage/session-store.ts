/**
 * Conversation state per reporter (language, report flow in progress…), so a restart mid-flow
 * resumes where the reporter was. Keyed by pseudonym; the state itself is encrypted.
 */
import type { ReporterChannel } from "../core/messages.js";
import type { SessionStore } from "../core/ports.js";
import type { Db } from "./db.js";
import { toDbTime } from "./db.js";
import { reporterPseudonym } from "./reporters.js";

export class SqlSessionStore<S> implements SessionStore<S> {
  readonly #db: Db;
  readonly #now: () => Date;

  constructor(db: Db, opts: { clock?: () => Date } = {}) {
    this.#db = db;
    this.#now = opts.clock ?? (() => new Date());
  }

  async get(channel: ReporterChannel, address: string): Promise<S | undefined> {
    const row = await this.#db.kysely
      .selectFrom("sessions")
      .select("state_enc")
      .where("reporter_pseudonym", "=", reporterPseudonym(this.#db.cipher, channel, address))
      .executeTakeFirst();
    return row ? this.#db.cipher.decryptJson<S>(row.state_enc) : undefined;
  }

  async put(channel: ReporterChannel, address: string, state: S): Promise<void> {
    const values = { state_enc: this.#db.cipher.encryptJson(state), updated_at: toDbTime(this.#now()) };
    await this.#db.kysely
      .insertInto("sessions")
      .values({ reporter_pseudonym: reporterPseudonym(this.#db.cipher, channel, address), channel, ...values })
      .onConflict((oc) => oc.column("reporter_pseudonym").doUpdateSet(values))
      .execute();
  }

  async delete(channel: ReporterChannel, address: string): Promise<void> {
    await this.#db.kysely
      .deleteFrom("sessions")
      .where("reporter_pseudonym", "=", reporterPseudonym(this.#db.cipher, channel, address))
      .execute();
  }
}
