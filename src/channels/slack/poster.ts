/**
 * Posts a Slack message at most once per key, across retries, crashes and processes.
 *
 * Protocol: (1) a stored `ts` means it is already posted; (2) an intent left by an attempt whose
 * outcome is unknown (5xx, timeout, crash right after posting) is resolved by looking for the
 * message's metadata (`event_payload.key`) in the channel or thread; (3) otherwise record the
 * intent, post with that metadata, then store the `ts`. A failure that certainly did not post
 * (429, `ok: false`) clears the intent so the next attempt skips the search.
 * Callers hold the tip's lease (post-store.ts), so two workers never run this for one key at once.
 */
import type { types as SlackTypes, webApi } from "@slack/bolt";
import { mayHaveTakenEffect } from "./errors.js";
import type { SlackPostStore } from "./post-store.js";

const METADATA_EVENT_TYPE = "lentera_post";
/** How far before the recorded intent to search: covers clock skew between us and Slack. */
const SEARCH_MARGIN_MS = 10 * 60_000;
const SEARCH_MAX_PAGES = 20;

interface PostTarget {
  channel: string;
  threadTs?: string;
  /** Also show a thread reply in the channel. */
  broadcast?: boolean;
}

interface PostContent {
  text: string;
  blocks?: SlackTypes.KnownBlock[];
}

export function postMetadata(key: string, ref: string): SlackTypes.MessageMetadata {
  return { event_type: METADATA_EVENT_TYPE, event_payload: { key, ref } };
}

interface MessageWithMetadata {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

function threadArgs(target: PostTarget): { thread_ts?: undefined } | { thread_ts: string; reply_broadcast?: false } | { thread_ts: string; reply_broadcast: true } {
  if (!target.threadTs) return {};
  return target.broadcast ? { thread_ts: target.threadTs, reply_broadcast: true } : { thread_ts: target.threadTs };
}

export class OncePoster {
  readonly #client: webApi.WebClient;
  readonly #store: SlackPostStore;

  constructor(client: webApi.WebClient, store: SlackPostStore) {
    this.#client = client;
    this.#store = store;
  }

  /** The message's ts, and whether this call is the one that posted it. */
  async postOnce(key: string, ref: string, target: PostTarget, content: PostContent): Promise<{ ts: string; posted: boolean }> {
    const existing = await this.#store.get(key);
    if (existing?.ts) return { ts: existing.ts, posted: false };
    if (existing?.intentAt) {
      const found = await this.find(key, existing.channel, existing.threadTs, existing.intentAt);
      if (found) {
        await this.#store.recordPosted(key, found);
        return { ts: found, posted: false };
      }
    }
    await this.#store.recordIntent({ key, ref, channel: target.channel, threadTs: target.threadTs });
    try {
      const args = {
        channel: target.channel,
        text: content.text,
        ...threadArgs(target),
        metadata: postMetadata(key, ref),
        unfurl_links: false,
        unfurl_media: false,
      };
      const res = await this.#client.chat.postMessage(content.blocks ? { ...args, blocks: content.blocks } : args);
      if (!res.ts) throw new Error("chat.postMessage returned no ts");
      await this.#store.recordPosted(key, res.ts);
      return { ts: res.ts, posted: true };
    } catch (err) {
      if (!mayHaveTakenEffect(err)) await this.#store.clearIntent(key);
      throw err;
    }
  }

  /** Looks for a message carrying `key` in its metadata, posted since shortly before `since`. */
  async find(key: string, channel: string, threadTs: string | undefined, since: Date): Promise<string | undefined> {
    const oldest = ((since.getTime() - SEARCH_MARGIN_MS) / 1000).toFixed(6);
    let cursor: string | undefined;
    for (let page = 0; page < SEARCH_MAX_PAGES; page++) {
      const args = { channel, oldest, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) };
      const res = threadTs
        ? await this.#client.conversations.replies({ ...args, ts: threadTs })
        : await this.#client.conversations.history(args);
      const messages = (res.messages ?? []) as MessageWithMetadata[];
      const match = messages.find(
        (m) => m.metadata?.event_type === METADATA_EVENT_TYPE && m.metadata.event_payload?.key === key,
      );
      if (match?.ts) return match.ts;
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) return undefined;
    }
    return undefined;
  }
}
