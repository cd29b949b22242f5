/**
 * Per-reporter WhatsApp state (tables from migration 031_whatsapp), keyed by the reporter pseudonym:
 * the 24-hour customer-service window (free-form messages are allowed only within 24 hours of the
 * user's last message), the choices last shown (so "2" can be mapped to an option id), and the
 * notices waiting for the window to reopen.
 */
import type { ReplyOption } from "../../core/messages.js";
import type { Db } from "../../storage/db.js";
import { toDbTime } from "../../storage/db.js";
import { reporterPseudonym } from "../../storage/reporters.js";

export const SERVICE_WINDOW_MS = 24 * 60 * 60_000;
/** Stop free-form sends a little early: clocks differ, a send takes time, and refreshes are coarse. */
const WINDOW_SAFETY_MS = 10 * 60_000;
const REFRESH_AFTER_MS = 5 * 60_000;

export class WhatsAppContacts {
  readonly #db: Db;
  readonly #now: () => Date;

  constructor(db: Db, opts: { clock?: () => Date } = {}) {
    this.#db = db;
    this.#now = opts.clock ?? (() => new Date());
  }

  #pseudonym(address: string): string {
    return reporterPseudonym(this.#db.cipher, "whatsapp", address);
  }

  /**
   * The user wrote at `at` (never later than now): the window runs 24 hours from there. Returns the
   * choices they were last shown. A window refreshed minutes ago is not written again (one durable
   * commit less per message in a conversation); the safety margin covers that slack.
   */
  async recordInbound(address: string, at: Date): Promise<ReplyOption[]> {
    const now = this.#now().getTime();
    const when = new Date(Math.min(at.getTime(), now));
    const row = await this.#db.kysely
      .selectFrom("whatsapp_contacts")
      .select(["last_inbound_at", "options_json"])
      .where("reporter_pseudonym", "=", this.#pseudonym(address))
      .executeTakeFirst();
    if (!row || when.getTime() - new Date(row.last_inbound_at).getTime() > REFRESH_AFTER_MS) {
      const value = toDbTime(when);
      await this.#db.kysely
        .insertInto("whatsapp_contacts")
        .values({ reporter_pseudonym: this.#pseudonym(address), last_inbound_at: value })
        .onConflict((oc) =>
          oc.column("reporter_pseudonym").doUpdateSet({ last_inbound_at: value }).where("whatsapp_contacts.last_inbound_at", "<", value),
        )
        .execute();
    }
    return row?.options_json ? (JSON.parse(row.options_json) as ReplyOption[]) : [];
  }

  async windowOpen(address: string): Promise<boolean> {
    const row = await this.#db.kysely
      .selectFrom("whatsapp_contacts")
      .select("last_inbound_at")
      .where("reporter_pseudonym", "=", this.#pseudonym(address))
      .executeTakeFirst();
    if (!row) return false;
    return this.#now().getTime() - new Date(row.last_inbound_at).getTime() < SERVICE_WINDOW_MS - WINDOW_SAFETY_MS;
  }

  /** The choices the user was last shown (none clears them, so stale numbers are not matched). */
  async setChoices(address: string, options: ReplyOption[]): Promise<void> {
    await this.#db.kysely
      .updateTable("whatsapp_contacts")
      .set({ options_json: options.length > 0 ? JSON.stringify(options.map(({ id, label }) => ({ id, label }))) : null })
      .where("reporter_pseudonym", "=", this.#pseudonym(address))
      .execute();
  }

  /** A notice that must wait until the reporter writes again. */
  async parkNotice(noticeId: string, address: string, templateSent: boolean): Promise<void> {
    const now = toDbTime(this.#now());
    await this.#db.kysely
      .insertInto("whatsapp_waiting_notices")
      .values({
        notice_id: Number(noticeId),
        reporter_pseudonym: this.#pseudonym(address),
        template_sent_at: templateSent ? now : null,
        parked_at: now,
      })
      .onConflict((oc) => oc.column("notice_id").doNothing())
      .execute();
  }

  async isParked(noticeId: string): Promise<boolean> {
    const row = await this.#db.kysely
      .selectFrom("whatsapp_waiting_notices")
      .select("notice_id")
      .where("notice_id", "=", Number(noticeId))
      .executeTakeFirst();
    return row !== undefined;
  }

  async forgetNotice(noticeId: string): Promise<void> {
    await this.#db.kysely.deleteFrom("whatsapp_waiting_notices").where("notice_id", "=", Number(noticeId)).execute();
  }

  /** The reporter wrote again: hands back (and forgets) the ids of the notices that waited for them. */
  async releaseWaiting(address: string): Promise<string[]> {
    const rows = await this.#db.kysely
      .deleteFrom("whatsapp_waiting_notices")
      .where("reporter_pseudonym", "=", this.#pseudonym(address))
      .returning("notice_id")
      .execute();
    return rows.map((r) => String(r.notice_id));
  }

  /** Drops window state that no longer matters (window closed): keeps as little as possible. */
  async sweep(): Promise<number> {
    const cutoff = toDbTime(new Date(this.#now().getTime() - SERVICE_WINDOW_MS));
    const result = await this.#db.kysely.deleteFrom("whatsapp_contacts").where("last_inbound_at", "<", cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
