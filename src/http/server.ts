/**
 * The one HTTP server for every webhook (Telegram, WhatsApp, Slack HTTP mode) and the health probes.
 *
 * Every request body is read here first, bounded by `maxBodyBytes` (413 beyond it), so each
 * handler sees the exact raw bytes it needs for signature checks: `rawBody(req)`, also exposed as
 * `req.rawBody` (which Slack Bolt's HTTPReceiver reuses instead of re-reading). Handlers that read
 * the request stream themselves (grammY's "http" adapter) get a request that replays the same bytes.
 * Responses to callers are generic; details go to the log only.
 */
import http from "node:http";
import type { Socket } from "node:net";
import type { Logger } from "../logger.js";

export type HttpMethod = "GET" | "POST";
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface HttpServer {
  route(method: HttpMethod, path: string, handler: RouteHandler): void;
  /** Resolves with the bound port (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting connections and waits for in-flight requests (up to `closeTimeoutMs`). */
  close(): Promise<void>;
}

export interface HttpServerOptions {
  logger: Logger;
  /** Readiness: true when the app can serve (database reachable). */
  ready: () => Promise<boolean>;
  maxBodyBytes?: number;
  closeTimeoutMs?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_CLOSE_TIMEOUT_MS = 10_000;

/** A request whose body has been read by this server. */
export type BufferedRequest = http.IncomingMessage & { rawBody: Buffer };

/** The raw request body as received (for HMAC checks). Only valid inside a route handler. */
export function rawBody(req: http.IncomingMessage): Buffer {
  const body = (req as Partial<BufferedRequest>).rawBody;
  if (!Buffer.isBuffer(body)) throw new Error("rawBody() called on a request not served by createHttpServer");
  return body;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

/** True when `text` is JSON for an object (not null, an array or a scalar): what every webhook payload is. */
export function isJsonObject(text: Buffer | string): boolean {
  try {
    const value: unknown = JSON.parse(text.toString());
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

const sendError = (res: http.ServerResponse, status: number, error: string) => sendJson(res, status, { error });

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}

/** A fresh IncomingMessage with the same metadata whose stream yields the already-read body. */
function replay(req: http.IncomingMessage, body: Buffer): BufferedRequest {
  const copy = new http.IncomingMessage(req.socket) as BufferedRequest;
  // The body is pushed below; there is nothing to pull from the socket.
  copy._read = () => {};
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.complete = true;
  copy.rawBody = body;
  if (body.length > 0) copy.push(body);
  copy.push(null);
  return copy;
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger, ready } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const closeTimeoutMs = options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
  const routes = new Map<string, Map<HttpMethod, RouteHandler>>();
  let inFlight = 0;
  let closing = false;
  let idle: (() => void) | undefined;

  const route = (method: HttpMethod, path: string, handler: RouteHandler) => {
    if (!path.startsWith("/")) throw new Error(`route path must start with "/": ${path}`);
    const methods = routes.get(path) ?? new Map<HttpMethod, RouteHandler>();
    if (methods.has(method)) throw new Error(`route already registered: ${method} ${path}`);
    methods.set(method, handler);
    routes.set(path, methods);
  };

  route("GET", "/healthz", (_req, res) => sendJson(res, 200, { status: "ok" }));
  route("GET", "/readyz", async (_req, res) => {
    const ok = await ready().catch((err: unknown) => {
      logger.warn({ err }, "readiness check failed");
      return false;
    });
    sendJson(res, ok ? 200 : 503, { status: ok ? "ready" : "unavailable" });
  });

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const methods = routes.get(path);
    if (!methods) return sendError(res, 404, "not found");
    const handler = methods.get(req.method as HttpMethod);
    if (!handler) {
      res.setHeader("allow", [...methods.keys()].join(", "));
      return sendError(res, 405, "method not allowed");
    }
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) throw err;
      // The rest of the upload is not read: close the connection once the answer is out.
      res.shouldKeepAlive = false;
      return sendError(res, 413, "payload too large");
    }
    await handler(replay(req, body), res);
  }

  const server = http.createServer({ requestTimeout: 30_000, headersTimeout: 20_000 }, (req, res) => {
    inFlight++;
    const started = performance.now();
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (closing) res.shouldKeepAlive = false;
    res.once("close", () => {
      inFlight--;
      // Never the query string: it can carry tokens (hub.verify_token).
      logger.debug({ method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) }, "http request");
      if (inFlight === 0) idle?.();
    });
    serve(req, res, path).catch((err: unknown) => {
      logger.error({ err, method: req.method, path }, "http handler failed");
      if (!res.headersSent) sendError(res, 500, "internal error");
      else res.destroy();
    });
  });
  server.on("clientError", (err: Error, socket: Socket) => {
    logger.debug({ err: { message: err.message } }, "http client error");
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
    else socket.destroy();
  });

  return {
    route,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },
    async close() {
      if (!server.listening) return;
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (idle = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, closeTimeoutMs))),
        ]);
        clearTimeout(timer);
        if (inFlight > 0) logger.warn({ inFlight }, "http close timed out; dropping in-flight requests");
      }
      // Whatever is left is idle keep-alive connections (or requests past the deadline).
      server.closeAllConnections();
      await closed;
    },
  };
}
