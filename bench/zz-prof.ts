import { mkdtemp } from "node:fs/promises";
import os from "node:os"; import path from "node:path";
import { readFile } from "node:fs/promises";
import { createApp } from "../src/app.js";
import { startTelegram } from "../src/channels/telegram/index.js";
import { loadConfig } from "../src/config.js";
import { createHttpServer } from "../src/http/server.js";
import { generateDataKey } from "../src/storage/keys.js";
import { FAKE_BOT_INFO, startFakeTelegramApi, updates } from "../test/fakes/telegram-api.js";
const qs = (await readFile("/work/shared/eval/dev-questions.jsonl", "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l).question as string);
const api = await startFakeTelegramApi();
const config = loadConfig({ LENTERA_DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "p-")), LENTERA_DATA_KEY: generateDataKey(), LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "1:x", TELEGRAM_API_ROOT: api.apiRoot });
const app = await createApp(config);
if (process.argv[3] === "group") {
  const { GroupCommitter } = await import("../src/storage/group-commit.js");
  const { toDbTime } = await import("../src/storage/db.js");
  const gc = new GroupCommitter(app.db);
  app.inbox.accept = (source: string, eventId: string) => gc.run(async (trx) => {
    const now = toDbTime(new Date());
    const rows = await trx.insertInto("inbox").values({ source, event_id: eventId, created_at: now, not_before: now, payload_enc: null, done_at: now })
      .onConflict((oc) => oc.columns(["source", "event_id"]).doNothing()).returning("id").execute();
    return rows.length > 0;
  });
}
const ch = await startTelegram(app, createHttpServer({ logger: app.logger, ready: async () => true }), { botInfo: FAKE_BOT_INFO, throttle: false });
const N = Number(process.argv[2] ?? 400);
for (const round of [0, 1]) {
  let got = 0; let done!: () => void; const p = new Promise<void>((r) => (done = r));
  const off = api.onCall((c) => { if (c.method === "sendMessage" && ++got === N) done(); });
  const t0 = performance.now();
  for (let i = 0; i < N; i++) api.push(updates.text({ id: 100000 * (round + 1) + i, lang: "id" }, qs[i % qs.length]!));
  await p; off();
  console.log("round", round, (N / (performance.now() - t0) * 1000).toFixed(0), "/s");
}
await ch.stop(); await app.close(); await api.close();
