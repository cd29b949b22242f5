/**
 * The order `lentera start` stops in: the HTTP server first (a webhook request in flight is still
 * answered, a new one is refused), then the channels (which may still use the database to finish
 * their work), then the database. Stopping channels first would let webhooks be stored that no
 * channel is left to process until the next start.
 */
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import type { RunningChannel } from "../src/channels/types.js";
import { stopAll } from "../src/cli/handlers/start.js";
import { createHttpServer } from "../src/http/server.js";
import { createLogger } from "../src/logger.js";
import { backends, createTestConfig } from "./helpers/databases.js";

describe.each(backends)("stopping `lentera start` (%s)", (backend) => {
  it("closes HTTP before the channels, and the database after them", async () => {
    const t = await createTestConfig(backend);
    const logger = createLogger("silent");
    const app = await createApp(t.config, { logger });
    const http = createHttpServer({ logger, ready: () => app.ready() });
    let releaseWebhook!: () => void;
    const webhookHeld = new Promise<void>((resolve) => (releaseWebhook = resolve));
    let webhookAnswered = false;
    let reached!: () => void;
    const webhookReached = new Promise<void>((resolve) => (reached = resolve));
    http.route("POST", "/webhooks/test", async (_req, res) => {
      reached();
      await webhookHeld;
      res.end("stored");
      webhookAnswered = true;
    });
    const base = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}`;

    const seenByChannel: { webhookAnswered?: boolean; newRequest?: string; databaseUp?: boolean } = {};
    const channel: RunningChannel = {
      async stop() {
        seenByChannel.webhookAnswered = webhookAnswered;
        seenByChannel.newRequest = await fetch(`${base}/healthz`).then((r) => `answered ${r.status}`, () => "refused");
        seenByChannel.databaseUp = await app.ready().catch(() => false);
      },
    };

    const inFlight = fetch(`${base}/webhooks/test`, { method: "POST", body: "{}" });
    // Stopping begins while the webhook is being handled; it is released only then.
    await webhookReached;
    const stopping = stopAll(app, http, [{ name: "test", running: channel }]);
    releaseWebhook();
    expect(await (await inFlight).text()).toBe("stored");
    await stopping;

    expect(seenByChannel).toEqual({ webhookAnswered: true, newRequest: "refused", databaseUp: true });
    expect(await app.ready().catch(() => false)).toBe(false);
    await t.dispose();
  });
});
