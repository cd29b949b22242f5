/**
 * The fake Graph API for bench/whatsapp.ts, in its own thread: Meta is remote, so its work must not
 * be charged to the bot's event loop. Posts its URL, then the recipient of every message it accepts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { FakeGraphApi } from "../test/fakes/graph-api.js";

const api = await new FakeGraphApi(workerData as { token: string; phoneNumberId: string }).start();
// Only the recipients matter here; keeping every message would grow without bound.
api.onSent = (m) => {
  api.sent.length = 0;
  parentPort!.postMessage({ sent: m.to });
};
parentPort!.postMessage({ url: api.url });
parentPort!.on("message", async (m: { stop?: boolean }) => {
  if (m.stop) {
    await api.stop();
    parentPort!.close();
  }
});
