import { GraphClient } from "../src/channels/whatsapp/graph-client.js";
import { WhatsAppContacts } from "../src/channels/whatsapp/contacts.js";
import { Inbox } from "../src/storage/inbox.js";
import { SqlNoticeQueue } from "../src/storage/notice-queue.js";
const totals: Record<string, { ms: number; n: number }> = {};
function wrap(proto: any, name: string, label: string) {
  const orig = proto[name];
  proto[name] = async function (...args: any[]) {
    const t0 = performance.now();
    try { return await orig.apply(this, args); } finally {
      const e = (totals[label] ??= { ms: 0, n: 0 }); e.ms += performance.now() - t0; e.n++;
    }
  };
}
wrap(GraphClient.prototype, "send", "graph.send");
for (const m of ["recordInbound", "releaseWaiting", "choices", "setChoices", "windowOpen"]) wrap(WhatsAppContacts.prototype, m, `contacts.${m}`);
for (const m of ["store", "claimPending", "done"]) wrap(Inbox.prototype, m, `inbox.${m}`);
wrap(SqlNoticeQueue.prototype, "claim", "notices.claim");
const { ConversationEngine } = await import("../src/core/conversation/engine.js");
wrap(ConversationEngine.prototype, "handle", "engine.handle");
const mod = await import("./whatsapp.js");
await mod.run();
for (const [k, v] of Object.entries(totals)) console.log(k.padEnd(24), v.n, "calls", (v.ms / v.n).toFixed(1), "ms avg");
