/**
 * The Bolt app in one of its two transports: Socket Mode (SLACK_APP_TOKEN; no public URL) or
 * HTTP mode (SLACK_SIGNING_SECRET; Bolt's HTTPReceiver mounted on the shared HTTP server at
 * /slack/events, where Bolt verifies every signature and timestamp and answers 401 otherwise).
 */
import type http from "node:http";
import { App, HTTPReceiver, LogLevel, webApi, type Logger as BoltLogger } from "@slack/bolt";
import type { Config } from "../../config.js";
import { isJsonObject, rawBody, sendJson, type HttpServer } from "../../http/server.js";
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

/** A JSON body, or the `payload` of a form body, must be an object; other form bodies (slash commands) are left to Bolt. */
function boltCanParse(req: http.IncomingMessage): boolean {
  const body = rawBody(req);
  if (String(req.headers["content-type"] ?? "").includes("json")) return isJsonObject(body);
  const payload = new URLSearchParams(body.toString()).get("payload");
  return payload === null || isJsonObject(payload);
}

interface SlackTransport {
  app: App;
  /** A client with the bot token for calls outside listeners (the officer directory). */
  client: webApi.WebClient;
  start(http: HttpServer): Promise<void>;
  stop(): Promise<void>;
}

export function createBoltApp(config: Config, logger: Logger): SlackTransport {
  const botToken = config.SLACK_BOT_TOKEN!;
  // Listener calls (views.open, views.publish, ephemeral replies) must finish within Slack's
  // 3-second trigger window, so they retry briefly instead of the SDK's 30-minute default.
  const clientOptions = {
    slackApiUrl: slackApiUrl(config),
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1_000 },
    timeout: 5_000,
  };
  const common = {
    // Not `token`: Bolt would then call auth.test in its constructor, and with Slack unreachable
    // at start-up that rejection goes unhandled (ending the process) and stays cached for every
    // later event. Lentera needs nothing from auth.test to handle requests.
    authorize: async () => ({ botToken }),
    logger: boltLogger(logger),
    clientOptions,
  };
  const client = new webApi.WebClient(botToken, { ...clientOptions, logger: common.logger });

  if (config.SLACK_APP_TOKEN) {
    const app = new App({ ...common, appToken: config.SLACK_APP_TOKEN, socketMode: true });
    return {
      app,
      client,
      // Connecting retries for as long as Slack is unreachable; the other channels and the outbox
      // worker must not wait for it.
      start: async () => {
        app.start().catch((err: unknown) => logger.error({ err: (err as Error).name }, "slack socket mode could not connect"));
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
    client,
    start: async (http) => {
      http.route("POST", SLACK_EVENTS_PATH, (req, res) => {
        // Bolt dereferences the parsed body without checking it: JSON `null` (or payload=null) would
        // become an unhandled rejection and a request never answered. Slack only ever sends objects.
        if (!boltCanParse(req)) return sendJson(res, 400, { error: "invalid request" });
        receiver.requestListener(req, res);
      });
    },
    // The shared HTTP server owns the socket; its owner closes it.
    stop: async () => {},
  };
}
