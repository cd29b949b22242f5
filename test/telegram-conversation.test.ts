/**
 * The Telegram channel end to end: the real grammY bot (runner, long polling) against the fake
 * Bot API, over the real engine, Q&A, offer checker and tip queue on an embedded database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { texts } from "../src/i18n/index.js";
import { updates } from "./fakes/telegram-api.js";
import { startTelegramHarness, type Exchange, type TelegramHarness } from "./fakes/telegram-harness.js";

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h?.stop();
});

const buttonsOf = (x: Exchange) =>
  x.sent.flatMap((c) => (c.body.reply_markup?.inline_keyboard ?? []).flat()) as { text: string; callback_data: string }[];
const firstButton = (x: Exchange, prefix: string) => {
  const button = buttonsOf(x).find((b) => b.callback_data.startsWith(prefix));
  if (!button) throw new Error(`no button starting with ${prefix}`);
  return button.callback_data;
};

describe("telegram: menus and commands", () => {
  it("registers the command menu in Indonesian and English", () => {
    const menus = h.api.calls.filter((c) => c.method === "setMyCommands");
    const indonesian = menus.find((c) => c.body.language_code === "id");
    const fallback = menus.find((c) => c.body.language_code === undefined);
    expect(indonesian?.body.commands.map((c: { command: string }) => c.command)).toEqual(
      texts("id").telegram.menu.map((c) => c.command),
    );
    expect(fallback?.body.commands.map((c: { command: string }) => c.command)).toContain("report");
    expect(indonesian?.body.commands.map((c: { command: string }) => c.command)).toContain("lapor");
  });

  it("/start answers in the user's Telegram language, with the main menu as buttons", async () => {
    const id = await h.say({ id: 101, lang: "id" }, updates.text({ id: 101, lang: "id" }, "/start"));
    expect(id.texts).toEqual([texts("id").common.welcome]);
    expect(buttonsOf(id).map((b) => b.text)).toContain(texts("id").common.menu.report);
    expect(id.sent[0]!.body.reply_markup.inline_keyboard.length).toBe(buttonsOf(id).length);

    const en = await h.say({ id: 102, lang: "en-GB" }, updates.text({ id: 102, lang: "en-GB" }, "/start"));
    expect(en.texts).toEqual([texts("en").common.welcome]);
    expect(buttonsOf(en).map((b) => b.text)).toContain(texts("en").common.menu.report);
  });

  it("a tapped menu button runs the command and the button press is answered", async () => {
    const user = { id: 103, lang: "en" };
    const start = await h.say(user, updates.text(user, "/start"));
    const checkAction = buttonsOf(start).find((b) => b.text === texts("en").common.menu.check)!.callback_data;
    const calls = h.api.calls.length;
    const tapped = await h.tap(user, checkAction);
    expect(tapped.texts).toEqual([texts("en").common.offerAsk]);
    expect(h.api.calls.slice(calls).some((c) => c.method === "answerCallbackQuery")).toBe(true);
  });

  it("/bahasa switches the language for later answers", async () => {
    const user = { id: 104, lang: "id" };
    const pick = await h.say(user, updates.text(user, "/bahasa"));
    const switched = await h.tap(user, firstButton(pick, "lang:en"));
    expect(switched.texts).toEqual([texts("en").common.languageSet]);
    const help = await h.say(user, updates.text(user, "/help"));
    expect(help.texts).toEqual([texts("en").common.help]);
  });
});

describe("telegram: questions and offer checks", () => {
  it("answers a free-text question with its source named", async () => {
    const user = { id: 201, lang: "id" };
    const question = "Berapa umur minimal buat jadi pekerja migran resmi?";
    const expected = await h.app.qa.answer(question, { lang: "id" });
    expect(expected.refused).toBe(false);

    const x = await h.say(user, updates.text(user, question));
    const reply = x.texts.join("\n");
    expect(reply).toContain("18");
    expect(reply).toContain(expected.sources[0]!.title);
    // Plain text, no link previews: nothing in an answer can break markup, cheap on data.
    expect(x.sent[0]!.body.parse_mode).toBeUndefined();
    expect(x.sent[0]!.body.link_preview_options).toEqual({ is_disabled: true });
  });

  it("checks a forwarded job offer and offers a one-tap report", async () => {
    const user = { id: 202, lang: "id" };
    const offer =
      "LOKER KAMBOJA Posisi CS Online. Gaji $1000-1500/bln, TANPA pengalaman. Tiket pesawat + mess ditanggung PT. " +
      "Berangkat pakai visa turis, proses cuma 1 minggu! Minat langsung PM WA 0812-3456-7890";
    const x = await h.say(user, updates.forwarded(user, offer));
    const t = texts("id").common;
    expect(x.texts.join("\n")).toContain(t.offerRisk.high);
    expect(x.texts.join("\n")).toContain(t.offerFlagsTitle);
    expect(buttonsOf(x).map((b) => b.text)).toContain(t.offerReport);
  });

  it("/cek then the offer text checks it too", async () => {
    const user = { id: 203, lang: "en" };
    const ask = await h.say(user, updates.text(user, "/cek"));
    expect(ask.texts).toEqual([texts("en").common.offerAsk]);
    const offer = "Chat support job in Manila, USD 1,200/month, no experience needed, fly in visa-free. Only 10 slots left, DM this page!";
    const check = await h.app.offers.check(offer, { lang: "en" });
    const x = await h.say(user, updates.text(user, offer));
    expect(x.texts.join("\n")).toContain(texts("en").common.offerRisk[check.risk]);
  });

  it("tells the user which kinds of messages it can read", async () => {
    const user = { id: 204, lang: "en" };
    const from = h.api.calls.length;
    h.api.push({ message: { ...updates.text(user, "x").message!, text: undefined, voice: { file_id: "v1", file_unique_id: "v1u", duration: 3 } } });
    const sent = await h.api.waitFor((c) => c.method === "sendMessage" && c.body.chat_id === user.id, { fromIndex: from });
    expect(sent.body.text).toBe(texts("en").telegram.unsupported);
  });

  it("does not converse in groups, and says so when called there", async () => {
    const user = { id: 205, lang: "en" };
    const group = { id: -100500, type: "group", title: "Loker" };
    const from = h.api.calls.length;
    const handledBefore = h.handled.length;
    h.api.push({ message: { ...updates.text(user, "/start").message!, chat: group } } as never);
    const sent = await h.api.waitFor((c) => c.method === "sendMessage" && c.body.chat_id === group.id, { fromIndex: from });
    expect(sent.body.text).toBe(texts("en").telegram.privateOnly);
    expect(h.handled.length).toBe(handledBefore);
  });
});

describe("telegram: reports, status and officers' questions", () => {
  const user = { id: 301, lang: "id" };
  let ref = "";

  it("takes a full missing-person report with a photo and gives a reference that is in the queue", async () => {
    const t = texts("id").reports;
    const kinds = await h.say(user, updates.text(user, "/lapor"));
    expect(kinds.texts).toEqual([t.chooseKind]);

    const consent = await h.tap(user, "report:missing_person");
    expect(consent.texts).toEqual([t.consent(h.config.LENTERA_RETENTION_DAYS)]);
    expect((await h.tap(user, "consent:yes")).texts[0]).toContain(t.questions.name);
    expect((await h.say(user, updates.text(user, "Siti Aminah"))).texts[0]).toContain(t.questions.age);
    const relationship = await h.say(user, updates.text(user, "24"));
    expect(relationship.texts[0]).toContain(t.questions.relationship);
    expect((await h.tap(user, "pick:relationship:sibling")).texts[0]).toContain(t.questions.destinationCountry);
    await h.say(user, updates.text(user, "Kamboja"));
    await h.say(user, updates.text(user, "Phnom Penh"));
    const date = await h.say(user, updates.text(user, "PT Maju Jaya"));
    expect(date.texts[0]).toContain(t.questions.lastContactDate);
    const channel = await h.say(user, updates.text(user, "15/03/2025"));
    expect(channel.texts[0]).toContain(t.questions.lastContactChannel);
    const photo = await h.tap(user, "pick:lastContactChannel:whatsapp");
    expect(photo.texts[0]).toContain(t.questions.photo);
    const contact = await h.say(user, updates.photo(user, "AgACAgIAAxkBAAIBphoto-of-siti"));
    expect(contact.texts[0]).toContain(t.questions.contact);
    const summary = await h.tap(user, "flow:skip");
    expect(summary.texts[0]).toContain("Siti Aminah");
    const sent = await h.tap(user, "confirm:send");

    ref = /LTR-[A-Z0-9-]+/.exec(sent.texts.join("\n"))?.[0] ?? "";
    expect(ref).not.toBe("");
    const inQueue = await h.app.tips.list({ status: ["new"] });
    const tip = inQueue.find((v) => v.ref === ref);
    expect(tip).toMatchObject({ kind: "missing_person", status: "new", attachments: 1, reporterChannel: "telegram" });
  });

  it("/status REF shows the report's status", async () => {
    const x = await h.say(user, updates.text(user, `/status ${ref}`));
    expect(x.texts.join("\n")).toContain(ref);
    expect(x.texts.join("\n")).toContain(texts("id").reports.statusLabels.new);
  });

  const noticeTo = (fromIndex: number, match: (text: string) => boolean) =>
    h.api.waitFor((c) => c.method === "sendMessage" && Number(c.body.chat_id) === user.id && match(String(c.body.text)), { fromIndex });

  it("relays an officer's question to the reporter and the reporter's answer back into the tip", async () => {
    const from = h.api.calls.length;
    await h.app.tips.act(ref, "officer-ani", "claim");
    const claimed = await noticeTo(from, (text) => text.includes(ref));
    expect(claimed.body.text).toContain(texts("id").reports.statusLabels.claimed);

    const question = "Apakah Siti pernah mengirim alamat kantornya?";
    await h.app.tips.act(ref, "officer-ani", "ask", { text: question });
    await noticeTo(from, (text) => text === texts("id").reports.noticeQuestion(ref, question));

    const answer = await h.say(user, updates.text(user, "Pernah, di gedung dekat pasar Chrey Thom"));
    expect(answer.texts).toEqual([texts("id").reports.replyForwarded(ref)]);
    const tip = await h.app.tips.show(ref);
    expect(tip?.audit.map((a) => a.action)).toContain("reporter_reply");
  });

  it("tells the reporter when the status changes", async () => {
    const from = h.api.calls.length;
    await h.app.tips.act(ref, "officer-ani", "escalate", { text: "Diteruskan ke unit perlindungan" });
    const notice = await noticeTo(from, (text) => text.includes(texts("id").reports.statusLabels.escalated));
    expect(notice.body.text).toContain(ref);
  });

  it("/hapus deletes the reporter's data after confirmation", async () => {
    const t = texts("id").reports;
    const confirm = await h.say(user, updates.text(user, "/hapus"));
    expect(confirm.texts).toEqual([t.deleteConfirm]);
    const done = await h.tap(user, "delete:yes");
    expect(done.texts).toEqual([t.deleteDone(1)]);
    expect(await h.app.tips.show(ref)).toBeUndefined();
  });
});
