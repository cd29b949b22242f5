import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GraphApiError, GraphClient, GRAPH_ERRORS } from "../src/channels/whatsapp/graph-client.js";
import { createLogger } from "../src/logger.js";
import { FakeGraphApi } from "./fakes/graph-api.js";

let api: FakeGraphApi;
const client = (overrides: { attempts?: number; maxDelayMs?: number } = {}) =>
  new GraphClient({
    token: api.token,
    phoneNumberId: api.phoneNumberId,
    baseUrl: api.url,
    logger: createLogger("silent"),
    retry: { attempts: overrides.attempts ?? 4, baseDelayMs: 5, maxDelayMs: overrides.maxDelayMs ?? 2_000 },
  });

beforeEach(async () => {
  api = await new FakeGraphApi().start();
});
afterEach(() => api.stop());

describe("WhatsApp Graph API client", () => {
  it("sends a text message with the bearer token and returns the wamid", async () => {
    const id = await client().send("6281234567890", { type: "text", text: { body: "halo" } });
    expect(id).toMatch(/^wamid\./);
    expect(api.sent).toHaveLength(1);
    expect(api.sent[0]!.body).toMatchObject({ messaging_product: "whatsapp", to: "6281234567890", type: "text", text: { body: "halo" } });
    expect(api.requests.every((r) => r.authorized)).toBe(true);
  });

  it("retries 5xx and 429 with backoff, then delivers once", async () => {
    api.failNext(1, { status: 503 });
    api.failNext(1, { status: 429 });
    await client().send("62811", { type: "text", text: { body: "x" } });
    expect(api.requests).toHaveLength(3);
    expect(api.sent).toHaveLength(1);
  });

  it("waits at least as long as Retry-After asks", async () => {
    api.failNext(1, { status: 429, retryAfter: "1" });
    const started = Date.now();
    await client().send("62811", { type: "text", text: { body: "x" } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });

  it("gives up when Retry-After is longer than it may block, leaving the decision to the caller", async () => {
    api.failNext(1, { status: 429, retryAfter: "120" });
    const err = await client({ maxDelayMs: 1_000 }).send("62811", { type: "text", text: { body: "x" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphApiError);
    expect((err as GraphApiError).retryAfterMs).toBe(120_000);
    expect(api.sent).toHaveLength(0);
  });

  it("stops after the configured attempts on persistent 5xx", async () => {
    api.failNext(10, { status: 500 });
    await expect(client({ attempts: 3 }).send("62811", { type: "text", text: { body: "x" } })).rejects.toMatchObject({ status: 500, retryable: true });
    expect(api.requests).toHaveLength(3);
  });

  it("does not retry the 24-hour-window error and reports its code", async () => {
    api.windowClosed.add("62811");
    const err = (await client().send("62811", { type: "text", text: { body: "x" } }).catch((e: unknown) => e)) as GraphApiError;
    expect(err.code).toBe(GRAPH_ERRORS.reengagementRequired);
    expect(err.retryable).toBe(false);
    expect(api.requests).toHaveLength(1);
  });

  it("downloads media in two steps and verifies its checksum", async () => {
    const bytes = Buffer.from("\xff\xd8\xff fake jpeg bytes", "latin1");
    api.addMedia("media-1", bytes, "image/jpeg");
    const media = await client().downloadMedia("media-1");
    expect(media.mime).toBe("image/jpeg");
    expect(media.bytes.equals(bytes)).toBe(true);
    expect(api.requests.map((r) => r.path)).toEqual(["/media-1", "/media-bytes/media-1"]);
    expect(api.requests.every((r) => r.authorized)).toBe(true);
  });

  it("rejects a wrong token as a non-retryable error", async () => {
    const bad = new GraphClient({ token: "wrong", phoneNumberId: api.phoneNumberId, baseUrl: api.url, logger: createLogger("silent") });
    await expect(bad.send("62811", { type: "text", text: { body: "x" } })).rejects.toMatchObject({ status: 401, code: 190, retryable: false });
  });
});
