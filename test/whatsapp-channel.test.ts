/**
 * The WhatsApp channel end to end: the real webhook on the shared HTTP server, the real app
 * (engine, tips, storage), and a fake Graph API on 127.0.0.1 standing in for Meta.
 */
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../src/app.js";
import { channel, startWhatsApp, type RunningWhatsApp } from "../src/channels/whatsapp/index.js";
import { GraphClient } from "../src/channels/whatsapp/graph-client.js";
import { loadConfig } from "../src/config.js";
import { createHttpServer, type HttpServer } from "../src/http/server.js";
import { texts } from "../src/i18n/index.js";
import { createLogger } from "../src/logger.js";
import { reporterPseudonym } from "../src/storage/reporters.js";
import { FakeGraphApi, newWamid, signBody, textOf, webhookBody, WhatsAppUser } from "./fakes/graph-api.js";
import { backends, createTestConfig, type Backend, type TestConfig } from "./helpers/databases.js";

const APP_SECRET = "test-app-secret-0123456789";
const VERIFY_TOKEN = "verify-me-please";

/** Captures every log line, to check what is (and is not) logged. */
class LogCapture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.lines.push(chunk.toString());
    done();
  }
}

/** One running Lentera with only the WhatsApp channel, restartable on the same database. */
class Harness {
  app!: App;
  http!: HttpServer;
  running!: RunningWhatsApp;
  url = "";
  readonly logs = new LogCapture();
  #users = 0;

  constructor(readonly api: FakeGraphApi, readonly t: TestConfig) {}

  async start(): Promise<this> {
    this.app = await createApp(this.t.config, { logger: createLogger("info", this.logs) });
    this.http = createHttpServer({ logger: this.app.logger, ready: () => this.app.ready() });
    this.running = await startWhatsApp(this.app, this.http, { retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 200 }, pollMs: 100 });
    this.url = `http://127.0.0.1:${await this.http.listen(0, "127.0.0.1")}/webhooks/whatsapp`;
    return this;
  }

  async stop(): Promise<void> {
    await this.http.close();
    await this.running.stop();
    await this.app.close();
  }

  user(waId = `62812000${String(++this.#users).padStart(4, "0")}`): WhatsAppUser {
    return new WhatsAppUser(this.api, { webhookUrl: this.url, appSecret: APP_SECRET, waId, settle: () => this.running.idle() });
  }

  post(body: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(this.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  }
}

async function whatsappConfig(backend: Backend, api: FakeGraphApi, extra: Record<string, string> = {}): Promise<TestConfig> {
  return createTestConfig(backend, {
    WHATSAPP_TOKEN: api.token,
    WHATSAPP_PHONE_NUMBER_ID: api.phoneNumberId,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    WHATSAPP_GRAPH_URL: api.url,
    LENTERA_RATE_LIMIT_PER_MINUTE: "30",
    ...extra,
  });
}

/** What the engine itself answers a fresh console user: the WhatsApp reply must carry the same. */
async function engineReply(app: App, text: string, extra: { forwarded?: boolean } = {}): Promise<string[]> {
  const replies = await app.engine.handle({ channel: "console", address: `ref-${newWamid()}`, text, langHint: "id", ...extra });
  return replies.map((r) => r.text);
}

describe("WhatsApp channel", () => {
  let api: FakeGraphApi;
  let t: TestConfig;
  let h: Harness;

  beforeAll(async () => {
    api = await new FakeGraphApi().start();
    t = await whatsappConfig("sqlite", api, { WHATSAPP_TEMPLATE_NAME: "lentera_update", WHATSAPP_TEMPLATE_LANG: "id" });
    h = await new Harness(api, t).start();
  });
  afterAll(async () => {
    await h.stop();
    await api.stop();
    await t.dispose();
  });

  it("is enabled only with all four secrets, and refuses to start without the app secret", async () => {
    expect(channel.enabled(t.config)).toBe(true);
    expect(channel.enabled(loadConfig({ LENTERA_DATA_DIR: t.config.dataDir }))).toBe(false);
    const noSecret = { ...t.config, WHATSAPP_APP_SECRET: undefined };
    expect(channel.enabled(noSecret)).toBe(false);
    const http = createHttpServer({ logger: h.app.logger, ready: async () => true });
    await expect(startWhatsApp({ ...h.app, config: noSecret }, http)).rejects.toThrow(/WHATSAPP_APP_SECRET/);
  });

  it("answers the verification handshake only with the right verify token", async () => {
    const q = (token: string) => `${h.url}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`;
    const ok = await fetch(q(VERIFY_TOKEN));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    expect((await fetch(q("wrong-token"))).status).toBe(403);
    expect((await fetch(`${h.url}?hub.mode=subscribe&hub.challenge=1`)).status).toBe(403);
    expect((await fetch(`${h.url}?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`)).status).toBe(403);
  });

  it("answers a question with the engine's answer", async () => {
    const question = "Apa syarat bekerja ke luar negeri secara resmi?";
    const sent = await h.user().say(question);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.map(textOf)).toEqual(await engineReply(h.app, question));
    expect(sent.map(textOf)).not.toContain(texts("id").common.error);
    expect(api.requests.every((r) => r.authorized)).toBe(true);
  });

  it("checks a pasted job offer", async () => {
    const offer = "Dicari TKW ke Malaysia, gaji 15 juta/bulan, tanpa pengalaman, biaya proses 5 juta transfer dulu, berangkat minggu depan. Hubungi 081234567890";
    const sent = await h.user().say(offer);
    expect(sent.map(textOf)).toEqual(await engineReply(h.app, offer));
    expect(sent.map(textOf).join("\n")).toContain("+6281234567890");
  });

  it("checks a forwarded message as an offer even when it does not look like one", async () => {
    const forwarded = "Info dari grup: PT Sinar Jaya buka pendaftaran ke Jepang, hubungi Bu Rina";
    expect(h.app.offers.looksLikeOffer(forwarded)).toBe(false);
    const sent = await h.user().say(forwarded, { forwarded: true });
    expect(sent.map(textOf)).toEqual(await engineReply(h.app, forwarded, { forwarded: true }));
    expect(sent.map(textOf)).not.toEqual(await engineReply(h.app, forwarded));
  });

  it("runs a full missing-person report with a photo, then looks up its status", async () => {
    const user = h.user();
    const photo = Buffer.from("\xff\xd8\xff\xe0 a small test jpeg", "latin1");
    api.addMedia("media-photo-1", photo, "image/jpeg");
    const t = texts("id").reports;

    await user.say("/lapor");
    await user.tap(t.kinds.missing_person);
    await user.tap(t.consentYes);
    await user.say("Siti Aminah");
    await user.say("23");
    await user.tap("Kakak / adik saya");
    await user.say("Malaysia");
    await user.say("Kuala Lumpur");
    await user.say("PT Maju Jaya");
    await user.say("kemarin");
    await user.tap("WhatsApp");
    await user.sendImage("media-photo-1", "foto terakhir");
    await user.tap(t.skip);

    // Eleven fields to pick from is too many for a list: numbered text, answered by typing the number.
    const editMenu = await user.tap(t.edit);
    expect(editMenu.at(-1)!.type).toBe("text");
    expect(textOf(editMenu.at(-1)!)).toContain(`1. ${t.labels.name}`);
    await user.say("1");
    const summary = await user.say("Siti Aminah Lestari");
    expect(summary.map(textOf).join("\n")).toContain("Siti Aminah Lestari");
    const done = await user.tap(t.send);

    const ref = /(LTR-[A-Z0-9]{4}-[A-Z0-9]{2})/.exec(done.map(textOf).join("\n"))?.[1];
    expect(ref, done.map(textOf).join("\n")).toBeDefined();
    const view = await h.app.tips.show(ref!);
    expect(view?.kind).toBe("missing_person");
    expect(view?.attachments).toBe(1);

    // The attachment is the WhatsApp media id: it downloads from the Graph API, checksum verified.
    const row = await h.app.db.kysely.selectFrom("tips").select("attachments_enc").where("ref", "=", ref!).executeTakeFirstOrThrow();
    const [attachment] = h.app.db.cipher.decryptJson<{ ref: string }[]>(row.attachments_enc);
    expect(attachment!.ref).toBe("media-photo-1");
    const graph = new GraphClient({ token: api.token, phoneNumberId: api.phoneNumberId, baseUrl: api.url, logger: h.app.logger });
    expect((await graph.downloadMedia(attachment!.ref)).bytes.equals(photo)).toBe(true);

    const status = await user.say(`/status ${ref}`);
    expect(status.map(textOf).join("\n")).toContain(ref!);
    expect(status.map(textOf).join("\n")).toContain(texts("id").reports.statusLabels.new);
  });

  it("relays an officer's question inside the 24-hour window, and the reporter's answer back", async () => {
    const user = h.user();
    const ref = await submitOtherReport(user);
    const before = api.sentTo(user.opts.waId).length;
    await h.app.tips.act(ref, "officer-1", "ask", { text: "Di kota mana kejadian ini?" });
    await h.running.deliverNotices();
    const notice = api.sentTo(user.opts.waId).slice(before);
    expect(notice.map(textOf).join("\n")).toContain("Di kota mana kejadian ini?");
    expect(notice.every((m) => m.type !== "template")).toBe(true);

    const answer = await user.say("Di Batam, dekat pelabuhan");
    expect(answer.map(textOf).join("\n")).toContain(ref);
    const view = await h.app.tips.show(ref);
    expect(view?.audit.some((a) => a.action === "reporter_reply")).toBe(true);
  });

  it("outside the window sends the template, and the full notice once the reporter writes again", async () => {
    const user = h.user();
    const ref = await submitOtherReport(user);
    await closeWindow(h.app, user.opts.waId);
    api.windowClosed.add(user.opts.waId);
    const before = api.sentTo(user.opts.waId).length;
    await h.app.tips.act(ref, "officer-1", "ask", { text: "Apakah ada foto perekrutnya?" });
    await h.running.deliverNotices();
    const sent = api.sentTo(user.opts.waId).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.template).toEqual({
      name: "lentera_update",
      language: { code: "id" },
      components: [{ type: "body", parameters: [{ type: "text", text: ref }] }],
    });

    api.windowClosed.delete(user.opts.waId);
    const after = api.sentTo(user.opts.waId).length;
    await user.say("halo");
    await h.running.deliverNotices();
    expect(api.sentTo(user.opts.waId).slice(after).map(textOf).join("\n")).toContain("Apakah ada foto perekrutnya?");
  });

  it("deletes the reporter's data on request, including notices waiting for the window", async () => {
    const user = h.user();
    const ref = await submitOtherReport(user);
    await closeWindow(h.app, user.opts.waId);
    await h.app.tips.act(ref, "officer-1", "ask", { text: "Siapa nama agennya?" });
    await h.running.deliverNotices();
    const pseudonym = reporterPseudonym(h.app.db.cipher, "whatsapp", user.opts.waId);
    const waiting = () =>
      h.app.db.kysely.selectFrom("whatsapp_waiting_notices").select("notice_id").where("reporter_pseudonym", "=", pseudonym).execute();
    expect((await waiting()).length).toBeGreaterThan(0);

    await user.say("/hapus");
    const done = await user.tap(texts("id").reports.deleteYes);
    expect(done.map(textOf)).toEqual([texts("id").reports.deleteDone(1)]);
    expect(await h.app.tips.show(ref)).toBeUndefined();
    expect(await waiting()).toEqual([]);
  });

  it("ignores a redelivered message, also when delivered concurrently", async () => {
    const user = h.user();
    const message = user.message("text", { text: { body: "Apa itu BP2MI?" } });
    await user.deliver([message]);
    const once = api.sentTo(user.opts.waId).length;
    expect(once).toBeGreaterThan(0);
    const again = await Promise.all([user.deliver([message]), user.deliver([message]), user.deliver([message, message])]);
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(api.sentTo(user.opts.waId)).toHaveLength(once);
  });

  it("rejects unsigned, forged and re-serialized webhooks with 401 and answers nobody", async () => {
    const user = h.user();
    const body = webhookBody(api.phoneNumberId, { messages: [user.message("text", { text: { body: "palsu" } })] });
    const forged = signBody(body, "not-the-app-secret");
    const reserialized = JSON.stringify(JSON.parse(body), null, 1);
    const answers = await Promise.all([
      h.post(body),
      h.post(body, { "x-hub-signature-256": forged }),
      h.post(body, { "x-hub-signature-256": "sha256=zz" }),
      h.post(reserialized, { "x-hub-signature-256": signBody(body, APP_SECRET) }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    await h.running.idle();
    expect(api.sentTo(user.opts.waId)).toHaveLength(0);
  });

  it("answers malformed payloads with 4xx without crashing, and keeps serving", async () => {
    const signed = (body: string) => h.post(body, { "x-hub-signature-256": signBody(body, APP_SECRET) });
    const user = h.user();
    const statuses = [
      (await signed("{not json")).status,
      (await signed(JSON.stringify({ object: "page", entry: [] }))).status,
      (await signed(JSON.stringify({ object: "whatsapp_business_account", entry: "x" }))).status,
      (await signed(webhookBody(api.phoneNumberId, { messages: [{ from: user.opts.waId, type: "text" }] }))).status,
      (await signed(webhookBody(api.phoneNumberId, { messages: [{ ...user.message("text", {}), timestamp: "yesterday" }] }))).status,
      (await signed("null")).status,
      (await signed(JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: { messages: [user.message("text", { text: { body: "x".repeat(20_000) } })] } }] }] }))).status,
    ];
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 400]);
    const huge = `{"object":"whatsapp_business_account","entry":[],"pad":"${"x".repeat(2 * 1024 * 1024)}"}`;
    expect((await signed(huge)).status).toBe(413);
    expect((await fetch(h.url.replace("/webhooks/whatsapp", "/healthz"))).status).toBe(200);
    expect((await user.say("halo")).length).toBeGreaterThan(0);
  });

  it("accepts delivery-status callbacks and unsupported message types without error", async () => {
    const user = h.user();
    const statuses = webhookBody(api.phoneNumberId, {
      statuses: [
        { id: "wamid.out1", status: "delivered", timestamp: "1749416383", recipient_id: user.opts.waId },
        { id: "wamid.out2", status: "failed", timestamp: "1749416383", recipient_id: user.opts.waId, errors: [{ code: 131047, title: "Re-engagement message" }] },
      ],
    });
    expect((await h.post(statuses, { "x-hub-signature-256": signBody(statuses, APP_SECRET) })).status).toBe(200);
    await h.running.idle();
    expect(api.sentTo(user.opts.waId)).toHaveLength(0);

    const res = await user.deliver([user.message("sticker", { sticker: { id: "s1", mime_type: "image/webp" } })]);
    expect(res.status).toBe(200);
    expect(api.sentTo(user.opts.waId).map(textOf)).toEqual([texts("id").whatsapp.unsupported]);
  });

  it("retries a reply through Graph API 5xx and 429 errors", async () => {
    const user = h.user();
    api.failNext(1, { status: 500 });
    api.failNext(1, { status: 429 });
    const sent = await user.say("/start");
    expect(sent.length).toBeGreaterThan(0);
  });

  it("renders more than three choices as a list and maps language buttons back to actions", async () => {
    const user = h.user();
    const menu = await user.say("/start");
    const last = menu.at(-1)!;
    expect(last.body.interactive?.type).toBe("list");
    for (const row of last.body.interactive.action.sections[0].rows) expect([...row.title].length).toBeLessThanOrEqual(24);
    const languages = await user.tap(texts("id").common.menu.language);
    expect(languages.at(-1)!.body.interactive?.type).toBe("button");
    const set = await user.tap(texts("id").common.languageNames.en);
    expect(set.map(textOf)).toContain(texts("en").common.languageSet);
  });

  it("throttles a flooding sender: one warning, then silence for the rest of the minute", async () => {
    const user = h.user();
    const flood = Array.from({ length: 32 }, () => user.message("text", { text: { body: "/start" } }));
    expect((await user.deliver(flood)).status).toBe(200);
    const texts_ = api.sentTo(user.opts.waId).map(textOf);
    const warning = texts("id").common.rateLimited;
    expect(texts_.filter((t) => t === warning)).toHaveLength(1);
    expect(texts_.at(-1)).toBe(warning);
    const perStart = (await engineReply(h.app, "/start")).length;
    expect(texts_).toHaveLength(30 * perStart + 1);
  });

  it("keeps message text, phone numbers and tokens out of the logs", () => {
    const logs = h.logs.lines.join("");
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of ["Siti Aminah", "Di Batam", "62812000", api.token, APP_SECRET, VERIFY_TOKEN]) expect(logs).not.toContain(secret);
  });
});

/** Files an "other" report through the chat and returns its reference. */
async function submitOtherReport(user: WhatsAppUser, description = "Ada agen yang menahan paspor teman saya di penampungan"): Promise<string> {
  const t = texts("id").reports;
  await user.say("/lapor");
  await user.tap(t.kinds.other);
  await user.tap(t.consentYes);
  await user.say(description);
  await user.tap(t.skip);
  const done = await user.tap(t.send);
  const ref = /(LTR-[A-Z0-9]{4}-[A-Z0-9]{2})/.exec(done.map(textOf).join("\n"))?.[1];
  if (!ref) throw new Error(`no reference in ${done.map(textOf).join(" | ")}`);
  return ref;
}

async function closeWindow(app: App, waId: string): Promise<void> {
  await app.db.kysely
    .updateTable("whatsapp_contacts")
    .set({ last_inbound_at: new Date(Date.now() - 25 * 60 * 60_000).toISOString() })
    .where("reporter_pseudonym", "=", reporterPseudonym(app.db.cipher, "whatsapp", waId))
    .execute();
}

describe.each(backends)("WhatsApp channel across restarts (%s)", (backend) => {
  let api: FakeGraphApi;
  let t: TestConfig;

  beforeAll(async () => {
    api = await new FakeGraphApi().start();
    t = await whatsappConfig(backend, api);
  });
  afterAll(async () => {
    await api.stop();
    await t.dispose();
  });

  it("ignores a message redelivered after a restart, and processes what was stored but not handled", async () => {
    let h = await new Harness(api, t).start();
    const user = h.user("628129990001");
    const message = user.message("text", { text: { body: "Apa itu BP2MI?" } });
    await user.deliver([message]);
    const answered = api.sentTo(user.opts.waId).length;
    expect(answered).toBeGreaterThan(0);
    await h.stop();

    // A message persisted before the 200 whose processing never ran (the process died).
    const app = await createApp(t.config, { logger: createLogger("silent") });
    const pending = user.message("text", { text: { body: "/start" } });
    expect(await app.inbox.store("whatsapp", pending.id as string, { message: pending })).toBe(true);
    await app.close();

    h = await new Harness(api, t).start();
    const restartedUser = h.user("628129990001");
    await h.running.idle();
    const afterRestart = api.sentTo(user.opts.waId).length;
    expect(afterRestart).toBeGreaterThan(answered);

    const res = await restartedUser.deliver([message, pending]);
    expect(res.status).toBe(200);
    expect(api.sentTo(user.opts.waId)).toHaveLength(afterRestart);
    await h.stop();
  });

  it("logs clearly, without personal data, when a notice waits because no template is configured", async () => {
    const h = await new Harness(api, t).start();
    const user = h.user("628129990002");
    const ref = await submitOtherReport(user, "Penampungan ilegal di dekat terminal");
    await closeWindow(h.app, user.opts.waId);
    const before = api.sentTo(user.opts.waId).length;
    await h.app.tips.act(ref, "officer-2", "ask", { text: "Alamat lengkapnya di mana?" });
    await h.running.deliverNotices();
    expect(api.sentTo(user.opts.waId)).toHaveLength(before);
    const line = h.logs.lines.find((l) => l.includes("WHATSAPP_TEMPLATE_NAME is not set") && l.includes(ref));
    expect(line).toBeDefined();
    expect(line).not.toContain(user.opts.waId);
    expect(line).not.toContain("Alamat lengkapnya");

    await user.say("halo lagi");
    await h.running.deliverNotices();
    expect(api.sentTo(user.opts.waId).slice(before).map(textOf).join("\n")).toContain("Alamat lengkapnya di mana?");
    await h.stop();
  });
});
