/**
 * The Bolt app in one of its two transports: Socket Mode (SLACK_APP_TOKEN; no public URL) or
 * HTTP mode (SLACK_SIGNING_SECRET; Bolt's HTTPReceiver mounted on the shared HTTP server at
 * /slack/events, where Bolt verifies every signature and timestamp and answers 401 otherwise).
 */
import { App, HTTPReceiver, LogLevel, webApi, type Logger as BoltLogger } from "@slack/bolt";
import type { Config } from "../../config.js";
import type { HttpServer } from "../../http/server.js";
import type { Logger } from "../../logger.js";

const SLACK_EVENTS_PATH = "/slack/events";

/** The Web API base URL; the SDK appends method names, so it must end with "/". */
function slackApiUrl(config: Config): string | undefined {
  const url = config.SLACK_API_URL;
  if (!url) return undefined;
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * Bolt and the Web API client log through pino at warn and above only: their debug output
 * includes request bodies (reporter text, tokens).
 */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "slack" });
  const text = (msg: unknown[]) => msg.filter((m) => typeof m === "string" || m instanceof Error).map(String).join(" ").slice(0, 500);
  return {
    debug: () => {},
    info: () => {},
    warn: (...msg: unknown[]) => child.warn(text(msg)),
    error: (...msg: unknown[]) => child.error(text(msg)),
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  };
}

/** A Web API client for the outbox worker: no hidden retries, 429s surface with their Retry-After. */
export function createWorkerClient(config: Config, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    slackApiUrl: slackApiUrl(config),
    logger: boltLogger(logger),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });
}

interface SlackTransport {
  app: App;
  start(http: HttpServer): Promise<void>;
  stop(): Promise<void>;
}

export function createBoltApp(config: Config, logger: Logger): SlackTransport {
  const common = {
    token: config.SLACK_BOT_TOKEN,
    logger: boltLogger(logger),
    // Listener calls (views.open, views.publish, ephemeral replies) must finish within Slack's
    // 3-second trigger window, so they retry briefly instead of the SDK's 30-minute default.
    clientOptions: {
      slackApiUrl: slackApiUrl(config),
      retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1_000 },
      timeout: 5_000,
    },
  };

  if (config.SLACK_APP_TOKEN) {
    const app = new App({ ...common, appToken: config.SLACK_APP_TOKEN, socketMode: true });
    return {
      app,
      start: async () => {
        await app.start();
      },
      stop: () => app.stop().then(() => undefined),
    };
  }

  const receiver = new HTTPReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET!,
    endpoints: SLACK_EVENTS_PATH,
    logger: common.logger,
  });
  const app = new App({ ...common, receiver });
  return {
    app,
    start: async (http) => {
      http.route("POST", SLACK_EVENTS_PATH, (req, res) => receiver.requestListener(req, res));
    },
    // The shared HTTP server owns the socket; its owner closes it.
    stop: async () => {},
  };
}
