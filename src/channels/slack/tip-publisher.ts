/**
 * Brings Slack in line with a tip's current state: posts its triage message once (then updates
 * it in place), the urgent alert, the overdue re-alert (once per response target), and the
 * officer questions / reporter answers in the tip's thread. State-based rather than event-based,
 * so events may arrive twice, late or coalesced and Slack still ends up right.
 */
import type { webApi } from "@slack/bolt";
import type { Lang } from "../../core/messages.js";
import type { OfficerTipView, TipService } from "../../core/ports.js";
import { SLACK_TIP_TOPIC, type SlackTipEvent } from "../../core/tips/types.js";
import {
  deletedMessage, overdueAlertText, tipMessage, threadEntry, urgentAlertText, type RenderContext,
} from "./blocks.js";
import { mentionMarkup, permalink } from "./mrkdwn.js";
import { OncePoster, postMetadata } from "./poster.js";
import { mainKey, type SlackPostStore } from "./post-store.js";

/** false for Slack's message_not_found; any other error is rethrown. */
function missingMessage(err: unknown): false {
  if ((err as { data?: { error?: string } }).data?.error !== "message_not_found") throw err;
  return false;
}

export interface PublisherOptions {
  triageChannel: string;
  urgentChannel?: string;
  /** SLACK_URGENT_MENTION: user group (S…), user (U…) or here/channel. */
  urgentMention?: string;
  lang: Lang;
  leaseMs: number;
  now?: () => Date;
}

/** Another worker is working on this tip right now; try again shortly. */
export class TipBusyError extends Error {
  constructor(ref: string) {
    super(`tip ${ref} is being published by another worker`);
  }
}

/** Where new related tips ask older ones to refresh their "related tips" links. */
export interface RelatedRefresh {
  enqueue(topic: string, payload: object, opts?: { dedupeKey?: string }): Promise<void>;
}

export class TipPublisher {
  readonly #tips: TipService;
  readonly #client: webApi.WebClient;
  readonly #store: SlackPostStore;
  readonly #poster: OncePoster;
  readonly #refresh: RelatedRefresh;
  readonly #opts: PublisherOptions;
  readonly #now: () => Date;
  #teamUrl: string | undefined;

  constructor(deps: {
    tips: TipService;
    client: webApi.WebClient;
    store: SlackPostStore;
    refresh: RelatedRefresh;
    options: PublisherOptions;
  }) {
    this.#tips = deps.tips;
    this.#client = deps.client;
    this.#store = deps.store;
    this.#poster = new OncePoster(deps.client, deps.store);
    this.#refresh = deps.refresh;
    this.#opts = deps.options;
    this.#now = deps.options.now ?? (() => new Date());
  }

  async sync(ref: string): Promise<void> {
    if (!(await this.#store.lock(ref, this.#opts.triageChannel, this.#opts.leaseMs))) throw new TipBusyError(ref);
    try {
      const view = await this.#tips.show(ref);
      if (view) await this.#publish(view);
      else await this.#redact(ref);
    } finally {
      await this.#store.unlock(ref);
    }
  }

  /** Render context with links to the posted messages of `refs` (for lists and views). */
  async renderContext(refs: string[]): Promise<RenderContext> {
    // Without the workspace URL (Slack unreachable) lists still render, only without links.
    return this.#context(refs, await this.teamUrl().catch(() => undefined));
  }

  async #context(refs: string[], teamUrl: string | undefined): Promise<RenderContext> {
    const messages = await this.#store.mainMessages(refs);
    return {
      lang: this.#opts.lang,
      now: this.#now(),
      link: (ref) => {
        const m = messages.get(ref);
        return m && teamUrl ? permalink(teamUrl, m.channel, m.ts) : undefined;
      },
    };
  }

  /** The workspace URL (from auth.test, once) used to build message links. */
  async teamUrl(): Promise<string> {
    if (!this.#teamUrl) {
      const auth = await this.#client.auth.test();
      this.#teamUrl = auth.url ?? "https://slack.com/";
    }
    return this.#teamUrl;
  }

  async #publish(view: OfficerTipView): Promise<void> {
    // Any failure here, as in every Slack call below, stops the sync so the worker can back off.
    const teamUrl = await this.teamUrl();
    const ctx = await this.#context([view.ref, ...view.related.map((r) => r.ref)], teamUrl);
    const message = tipMessage(view, ctx);
    const channel = this.#opts.triageChannel;
    const main = await this.#poster.postOnce(mainKey(view.ref), view.ref, { channel }, message);
    if (!main.posted) {
      const updated = await this.#client.chat
        .update({ channel, ts: main.ts, ...message, metadata: postMetadata(mainKey(view.ref), view.ref) })
        .then(() => true, missingMessage);
      // Someone deleted the triage message in Slack: leave it (and its thread) alone rather than fail forever.
      if (!updated) return;
    }
    const url = permalink(teamUrl, channel, main.ts);
    const mention = mentionMarkup(this.#opts.urgentMention);
    const alertTarget = this.#opts.urgentChannel
      ? { channel: this.#opts.urgentChannel }
      : { channel, threadTs: main.ts, broadcast: true };

    if (view.urgent && (this.#opts.urgentChannel || mention)) {
      await this.#poster.postOnce(`urgent:${view.ref}`, view.ref, alertTarget, {
        text: urgentAlertText(view, this.#opts.lang, mention, url),
      });
    }
    if (view.overdue && view.status !== "closed") {
      await this.#poster.postOnce(`overdue:${view.ref}:${view.dueAt.toISOString()}`, view.ref, alertTarget, {
        text: overdueAlertText(view, { ...ctx, link: () => url }, view.urgent ? mention : undefined),
      });
    }
    for (const [index, entry] of view.audit.entries()) {
      if (entry.action !== "ask" && entry.action !== "reporter_reply") continue;
      await this.#poster.postOnce(`audit:${view.ref}:${index}`, view.ref, { channel, threadTs: main.ts }, threadEntry(entry, this.#opts.lang));
    }
    if (main.posted) await this.#refreshRelated(view);
  }

  /** Older related tips gain a link to this one. */
  async #refreshRelated(view: OfficerTipView): Promise<void> {
    const posted = await this.#store.mainMessages(view.related.map((r) => r.ref));
    for (const ref of posted.keys()) {
      const event: SlackTipEvent = { ref, event: "updated" };
      await this.#refresh.enqueue(SLACK_TIP_TOPIC, event, { dedupeKey: `slack-related:${ref}:${view.ref}` });
    }
  }

  /**
   * The tip is gone (the reporter withdrew consent): its Slack messages hold personal data, so
   * the triage message is replaced by a notice and every other message is deleted.
   */
  async #redact(ref: string): Promise<void> {
    for (const post of await this.#store.forRef(ref)) {
      const ts = post.ts ?? (post.intentAt ? await this.#poster.find(post.key, post.channel, post.threadTs, post.intentAt) : undefined);
      if (!ts) continue;
      if (post.key === mainKey(ref)) {
        await this.#client.chat.update({ channel: post.channel, ts, ...deletedMessage(ref, this.#opts.lang) }).catch(missingMessage);
      } else {
        await this.#client.chat.delete({ channel: post.channel, ts }).catch(missingMessage);
      }
    }
    await this.#store.deleteRef(ref);
  }
}
