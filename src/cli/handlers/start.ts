/**
 * `lentera start` (npm start): starts every enabled channel module (src/channels/<name>/index.ts),
 * the shared HTTP server (webhooks, /healthz, /readyz) when a network channel runs, the console
 * when no Telegram or WhatsApp credentials are set, and the overdue sweep (every deployment, Slack
 * or not). Stops gracefully on SIGINT / SIGTERM.
 */
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp, stopOnSignals, type App } from "../../app.js";
import type { ChannelModule, RunningChannel } from "../../channels/types.js";
import { loadConfig } from "../../config.js";
import { startOverdueSweeper, type RunningSweeper } from "../../core/tips/overdue-sweeper.js";
import { createHttpServer, type HttpServer } from "../../http/server.js";
import { texts } from "../../i18n/index.js";
import { createLogger, errorSummary } from "../../logger.js";

const CONSOLE = "console";
const channelsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../channels");

/** Every channel module, in name order; a new channel is picked up by adding its directory. */
export async function loadChannelModules(): Promise<ChannelModule[]> {
  const modules: ChannelModule[] = [];
  for (const dir of readdirSync(channelsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(channelsDir, dir.name, "index.ts");
    if (!existsSync(file)) continue;
    const mod = (await import(file)) as { channel?: ChannelModule };
    if (mod.channel) modules.push(mod.channel);
  }
  return modules;
}

export interface Started {
  name: string;
  running: RunningChannel;
}

/**
 * HTTP first: once it stopped accepting (and answered the requests in flight), no webhook can be
 * stored that no channel is left to process. Then the channels finish their in-flight work, and
 * the database closes last.
 */
export async function stopAll(app: App, http: HttpServer | undefined, started: Started[], sweeper?: RunningSweeper): Promise<void> {
  await http?.close();
  await sweeper?.stop();
  for (const { name, running } of [...started].reverse()) {
    await running.stop().catch((err: unknown) => app.logger.error({ err: errorSummary(err), channel: name }, "channel did not stop cleanly"));
  }
  await app.close();
}

export async function start(): Promise<void> {
  const config = loadConfig();
  const t = texts(config.LENTERA_DEFAULT_LANG).common;
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const logger = createLogger(config.LOG_LEVEL);
  const app = await createApp(config, { logger });
  const http = createHttpServer({ logger, ready: () => app.ready() });

  const started: Started[] = [];
  let listening = false;
  try {
    for (const module of (await loadChannelModules()).filter((m) => m.enabled(config))) {
      if (module.name === CONSOLE) say(t.consoleNoChannels);
      started.push({ name: module.name, running: await module.start(app, http) });
    }
    // Webhooks and health probes serve network channels; a console-only run needs no port.
    if (started.some((s) => s.name !== CONSOLE)) {
      const port = await http.listen(config.LENTERA_HTTP_PORT, config.LENTERA_HTTP_HOST);
      listening = true;
      say(t.listening(`http://${config.LENTERA_HTTP_HOST}:${port}`));
    }
  } catch (err) {
    await stopAll(app, listening ? http : undefined, started);
    throw err;
  }
  say(t.startedChannels(started.map((s) => s.name).join(", ")));
  const sweeper = startOverdueSweeper(app.tips, { intervalMs: config.LENTERA_OVERDUE_SWEEP_SECONDS * 1000, logger });

  let stopping: Promise<void> | undefined;
  let markStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const stop = () => (stopping ??= (say(t.stopping), stopAll(app, listening ? http : undefined, started, sweeper).finally(markStopped)));
  const removeSignalHandlers = stopOnSignals(stop);
  // The process also ends when every channel ended by itself (the console's input closed).
  const finishes = started.map((s) => s.running.finished);
  if (finishes.every((f) => f !== undefined)) void Promise.all(finishes).then(stop);
  await stopped;
  removeSignalHandlers();
}
