/**
 * One running Lentera (createApp) with only the Slack channel in HTTP mode on the shared HTTP
 * server, against the fake Slack on 127.0.0.1. Sends Slack's signed requests to /slack/events.
 */
import { createApp, type App } from "../../src/app.js";
import { startSlack, type SlackStartOptions } from "../../src/channels/slack/index.js";
import { mainKey } from "../../src/channels/slack/post-store.js";
import type { RunningChannel } from "../../src/channels/types.js";
import { createHttpServer, type HttpServer } from "../../src/http/server.js";
import { createLogger } from "../../src/logger.js";
import {
  blockActionBody, sendToApp, slashCommandBody, viewSubmissionBody, type FakeMessage, type FakeSlackApi,
} from "../fakes/slack-api.js";
import { createTestConfig, type Backend, type TestConfig } from "./databases.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TRIAGE = "C0TRIAGE";
export const URGENT = "C0URGENT";
export const OFFICER = "U0OFFICER";
export const GROUP_OFFICER = "U0GROUPMEMBER";
export const STRANGER = "U0STRANGER";
export const OFFICER_GROUP = "S0OFFICERS";

export const FAST_SLACK: SlackStartOptions = {
  worker: { pollIntervalMs: 20, unavailableBaseMs: 50, unavailableMaxMs: 400, leaseMs: 5_000, busyRetryMs: 50 },
};

export async function slackTestConfig(backend: Backend, api: FakeSlackApi, extra: Record<string, string> = {}): Promise<TestConfig> {
  api.usergroups.set(OFFICER_GROUP, [GROUP_OFFICER]);
  return createTestConfig(backend, {
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    SLACK_TRIAGE_CHANNEL: TRIAGE,
    SLACK_URGENT_CHANNEL: URGENT,
    SLACK_OFFICER_IDS: OFFICER,
    SLACK_OFFICER_USERGROUP: OFFICER_GROUP,
    LENTERA_DEFAULT_LANG: "en",
    ...extra,
  });
}

export class SlackHarness {
  app!: App;
  http!: HttpServer;
  running!: RunningChannel;
  url = "";
  #responses = 0;

  constructor(
    readonly api: FakeSlackApi,
    readonly t: TestConfig,
  ) {}

  async start(options: SlackStartOptions = FAST_SLACK): Promise<this> {
    this.app = await createApp(this.t.config, { logger: createLogger(process.env.SLACK_TEST_LOG ?? "silent") });
    this.http = createHttpServer({ logger: this.app.logger, ready: () => this.app.ready() });
    this.running = await startSlack(this.app, this.http, options);
    this.url = `http://127.0.0.1:${await this.http.listen(0, "127.0.0.1")}/slack/events`;
    return this;
  }

  async stop(): Promise<void> {
    await this.http.close();
    await this.running.stop();
    await this.app.close();
  }

  /** Stops and deletes the database. */
  async dispose(): Promise<void> {
    await this.stop();
    await this.t.dispose();
  }

  send(body: string, opts: { secret?: string; timestamp?: number } = {}) {
    return sendToApp(this.url, opts.secret ?? SIGNING_SECRET, body, opts);
  }

  /** The tip's triage message, once posted. */
  triageMessage(ref: string): Promise<FakeMessage> {
    return this.api.waitFor(() => this.api.withKey(mainKey(ref))[0]);
  }

  nextResponseUrl(): { id: string; url: string } {
    const id = `r${++this.#responses}`;
    return { id, url: this.api.responseUrl(id) };
  }

  async click(userId: string, actionId: string, ref: string) {
    const message = await this.triageMessage(ref);
    const response = this.nextResponseUrl();
    const res = await this.send(
      blockActionBody({ userId, actionId, value: ref, channel: TRIAGE, messageTs: message.ts, responseUrl: response.url }),
    );
    return { ...res, responseId: response.id };
  }

  submitView(userId: string, callbackId: string, ref: string, values: Record<string, Record<string, unknown>>) {
    return this.send(viewSubmissionBody({ userId, callbackId, privateMetadata: JSON.stringify({ ref }), values }));
  }

  async slash(userId: string, text: string): Promise<{ status: number; body: any }> {
    const res = await this.send(slashCommandBody({ userId, text, responseUrl: this.nextResponseUrl().url }));
    return { status: res.status, body: res.text ? JSON.parse(res.text) : undefined };
  }

  /** Ephemeral replies sent through a response_url. */
  responseTo(id: string) {
    return this.api.waitFor(() => this.api.responses.find((r) => r.id === id));
  }
}

export async function startSlackHarness(backend: Backend, api: FakeSlackApi, extra: Record<string, string> = {}) {
  return new SlackHarness(api, await slackTestConfig(backend, api, extra)).start();
}
