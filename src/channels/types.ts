/**
 * A channel module: `src/channels/<name>/index.ts` exports `channel: ChannelModule`, and
 * `lentera start` starts every module whose `enabled(config)` is true.
 */
import type { App } from "../app.js";
import type { Config } from "../config.js";
import type { HttpServer } from "../http/server.js";

export interface RunningChannel {
  stop(): Promise<void>;
  /** Resolves when the channel ended by itself (the console at the end of its input). */
  finished?: Promise<void>;
}

export interface ChannelModule {
  name: string;
  enabled(config: Config): boolean;
  /** Webhook channels mount their routes on `http`; it starts listening once every channel started. */
  start(app: App, http: HttpServer): Promise<RunningChannel>;
}
