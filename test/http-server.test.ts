import http from "node:http";
import { Bot, webhookCallback } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, rawBody, type HttpServer } from "../src/http/server.js";
import { createLogger } from "../src/logger.js";

const logger = createLogger("silent");
const servers: HttpServer[] = [];

async function start(opts: { ready?: () => Promise<boolean>; maxBodyBytes?: number; closeTimeoutMs?: number } = {}) {
  const server = createHttpServer({ logger, ready: opts.ready ?? (async () => true), ...opts });
  servers.push(server);
  return { server, base: async () => `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}` };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A raw request so the test controls Content-Length and chunking exactly. */
function request(base: string, opts: { method: string; path: string; headers?: http.OutgoingHttpHeaders; chunks?: Buffer[] }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(`${base}${opts.path}`, { method: opts.method, headers: opts.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    for (const chunk of opts.chunks ?? []) req.write(chunk);
    req.end();
  });
}

describe("shared HTTP server", () => {
  it("answers /healthz and reports readiness from the probe", async () => {
    let dbUp = true;
    const { base } = await start({ ready: async () => dbUp });
    const url = await base();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    dbUp = false;
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
  });

  it("treats a throwing readiness probe as not ready", async () => {
    const { base } = await start({ ready: async () => { throw new Error("db down at 10.0.0.5"); } });
    const res = await fetch(`${await base()}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain("10.0.0.5");
  });

  it("answers 404 for unknown paths and 405 for a known path with another method", async () => {
    const { server, base } = await start();
    server.route("POST", "/hook", (_req, res) => void res.end("ok"));
    const url = await base();
    expect((await fetch(`${url}/nope`)).status).toBe(404);
    const wrongMethod = await fetch(`${url}/hook`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });

  it("routes on the path only, ignoring the query string", async () => {
    const { server, base } = await start();
    server.route("GET", "/hook", (req, res) => void res.end(new URL(req.url!, "http://x").searchParams.get("q")));
    const res = await fetch(`${await base()}/hook?q=echo`);
    expect(await res.text()).toBe("echo");
  });

  it("hands the exact raw bytes to the handler, and replays them to stream readers", async () => {
    const { server, base } = await start();
    const seen: { raw: string; streamed: string }[] = [];
    server.route("POST", "/hook", async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      seen.push({ raw: rawBody(req).toString("utf8"), streamed: Buffer.concat(chunks).toString("utf8") });
      res.end();
    });
    // Whitespace and key order must survive: signatures are computed over these bytes.
    const body = '{ "b":1,  "a":"é" }';
    const url = await base();
    await request(url, { method: "POST", path: "/hook", chunks: [Buffer.from(body.slice(0, 5)), Buffer.from(body.slice(5))] });
    expect(seen).toEqual([{ raw: body, streamed: body }]);
  });

  it("serves grammY's http webhook adapter, which reads the request stream itself", async () => {
    const { server, base } = await start();
    const bot = new Bot("123:abc", { botInfo: { id: 1, is_bot: true, first_name: "T", username: "t_bot" } as never });
    const texts: string[] = [];
    bot.on("message:text", (ctx) => void texts.push(ctx.message.text));
    const secretToken = "s".repeat(32);
    server.route("POST", "/tg", webhookCallback(bot, "http", { secretToken }));
    const update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 5, type: "private" }, text: "halo" } };
    const res = await fetch(`${await base()}/tg`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secretToken },
      body: JSON.stringify(update),
    });
    expect(res.status).toBe(200);
    expect(texts).toEqual(["halo"]);
  });

  it("rejects a declared oversized body with 413 without calling the handler", async () => {
    const { server, base } = await start({ maxBodyBytes: 100 });
    let calls = 0;
    server.route("POST", "/hook", (_req, res) => void (calls++, res.end()));
    const res = await request(await base(), {
      method: "POST", path: "/hook", headers: { "content-length": "101" }, chunks: [Buffer.alloc(101, 0x61)],
    });
    expect(res.status).toBe(413);
    expect(calls).toBe(0);
  });

  it("rejects an oversized chunked body with 413 while streaming", async () => {
    const { server, base } = await start({ maxBodyBytes: 100 });
    let calls = 0;
    server.route("POST", "/hook", (_req, res) => void (calls++, res.end()));
    const url = await base();
    const res = await request(url, { method: "POST", path: "/hook", chunks: [Buffer.alloc(60, 0x61), Buffer.alloc(60, 0x61)] });
    expect(res.status).toBe(413);
    expect(calls).toBe(0);
    // A body exactly at the limit is accepted.
    const ok = await request(url, { method: "POST", path: "/hook", chunks: [Buffer.alloc(100, 0x61)] });
    expect(ok.status).toBe(200);
  });

  it("answers a failing handler with a generic 500 and keeps serving", async () => {
    const { server, base } = await start();
    server.route("POST", "/boom", () => {
      throw new Error("secret detail at /srv/app.ts:42");
    });
    const url = await base();
    const res = await fetch(`${url}/boom`, { method: "POST", body: "{}" });
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).toBe('{"error":"internal error"}');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("close() waits for in-flight requests, then refuses new connections", async () => {
    const { server, base } = await start();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inHandler = new Promise<void>((r) => (entered = r));
    server.route("POST", "/slow", async (_req, res) => {
      entered();
      await gate;
      res.end("done");
    });
    const url = await base();
    const slow = request(url, { method: "POST", path: "/slow" });
    await inHandler;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false);
    release();
    expect(await slow).toEqual({ status: 200, body: "done" });
    await closing;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it("close() gives up on requests that outlive the deadline", async () => {
    const { server, base } = await start({ closeTimeoutMs: 50 });
    server.route("POST", "/stuck", () => new Promise<void>(() => {}));
    const url = await base();
    const stuck = request(url, { method: "POST", path: "/stuck" }).catch((err: Error) => err);
    await new Promise((r) => setTimeout(r, 20));
    await server.close();
    expect(await stuck).toBeInstanceOf(Error);
  });
});
