/**
 * What the one conversation engine does with each kind of message, seen through the console:
 * offer checks (/cek and pasted offers) with the one-tap recruiter report, danger-now messages,
 * the Q&A fallback, language choice, and bad input that must never crash the chat.
 */
import { describe, expect, it } from "vitest";
import { texts } from "../src/i18n/index.js";
import { SqlAgencyRegistry } from "../src/storage/agency-store.js";
import { ConsoleSession, REF_PATTERN, useTestApp } from "./helpers/console-session.js";

const id = texts("id");
const en = texts("en");

const SCAM_OFFER =
  "LOKER KAMBOJA! Posisi CS Online, gaji $1200/bln TANPA pengalaman. Tiket + mess ditanggung. " +
  "Berangkat pakai visa turis, minggu ini juga! Minat PM WA 0812-7777-3333 atau telegram @rekrut_cepat";

describe("conversation routing through the console", () => {
  const testApp = useTestApp("sqlite");

  it("checks an offer sent after /cek and reports the recruiter in one tap with its entities", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "checker");
    expect(await c.send("/cek")).toContain(id.common.offerAsk);
    const checked = await c.send(SCAM_OFFER);
    expect(checked).toContain(id.common.offerRisk.high);
    expect(checked).toContain(id.common.offerFlagsTitle);
    expect(checked).toContain("0812-7777-3333".replace(/-/g, "").slice(-4));
    expect(checked).toMatch(new RegExp(`1\\. ${id.common.offerReport}`));

    // One tap: no kind question, the consent, then only what the offer does not tell.
    expect(await c.send("1")).toContain(id.reports.consent(t.config.LENTERA_RETENTION_DAYS));
    // The offer names no company: that is asked; its text, phone and handle are not.
    expect(await c.send("1")).toContain(id.reports.questions.recruiterName);
    expect(await c.send("lewati")).toContain(id.reports.questions.howContacted);
    expect(await c.send("1")).toContain(id.reports.questions.contact);
    const summary = await c.send("lewati");
    expect(summary).toContain(`${id.reports.labels.offerText}: LOKER KAMBOJA!`);
    expect(summary).toMatch(/0812.?7777.?3333.*@rekrut_cepat|@rekrut_cepat.*0812.?7777.?3333/);
    const sent = await c.send("1");
    await c.close();

    const tip = await t.app.tips.show(REF_PATTERN.exec(sent)![0]);
    expect(tip).toMatchObject({ kind: "recruiter", details: { offerRisk: "high", howContacted: "whatsapp" } });
    expect((tip!.details.offerFlags as string[]).length).toBeGreaterThan(1);
    expect(tip!.entities).toEqual(expect.arrayContaining([
      { type: "phone", value: "+6281277773333" },
      { type: "handle", value: "rekrut_cepat" },
    ]));
  });

  it("recognises a pasted offer without any command", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "paster");
    const reply = await c.send(SCAM_OFFER);
    await c.close();
    expect(reply).toContain(id.common.offerRisk.high);
  });

  it("answers whether a named company is a licensed agency, from the registry", async () => {
    const t = testApp();
    await new SqlAgencyRegistry(t.app.db).upsert([{ name: "PT Maju Jaya Abadi", licence: "KEP.123/2024", status: "licensed" }]);
    const c = new ConsoleSession(t.app, "company-checker");
    expect(await c.send("apakah PT Maju Jaya Abadi resmi?")).toContain(id.offers.agency.licensed("PT Maju Jaya Abadi", "KEP.123/2024"));
    expect(await c.send("/cek PT Sinar Palsu")).toContain(id.offers.agency.not_found("PT Sinar Palsu"));
    await c.close();
  });

  it("puts safety guidance first for danger now, then offers the urgent report", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "in-danger");
    const reply = await c.send("tolong saya disekap di kamboja, paspor saya ditahan");
    expect(reply.startsWith("!! ")).toBe(true);
    expect(reply).toContain("110");
    expect(reply).toMatch(new RegExp(`1\\. ${id.common.reportDanger}`));
    const started = await c.send("1");
    expect(started).toContain(id.reports.dangerFirst);
    expect(started).toContain(id.reports.consent(t.config.LENTERA_RETENTION_DAYS));
    await c.close();
  });

  it("answers questions from the knowledge base in the language they were asked", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "asker");
    const answer = await c.send("How can I check that a recruitment agency is licensed?");
    expect(answer).toMatch(/Source|Sources/);
    expect(await c.send("/lapor")).toContain(en.reports.chooseKind);
    await c.send("/batal");
    const jawaban = await c.send("gmn cara kerja ke luar negeri yg resmi kak?");
    expect(jawaban).toMatch(/Sumber/);
    await c.close();
  });

  it("keeps the language the user chose, also after a restart", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "chooser");
    expect(await c.send("/bahasa")).toContain(`1. ${id.common.languageNames.id}\n  2. ${id.common.languageNames.en}`);
    expect(await c.send("2")).toContain(en.common.languageSet);
    const question = "bagaimana cara melapor calo?";
    expect(await c.send(question)).toContain((await t.app.qa.answer(question, { lang: "en" })).answer);
    await c.close();
    const again = new ConsoleSession(await t.restart(), "chooser");
    expect(await again.send("/lapor")).toContain(en.reports.chooseKind);
    expect(await again.send("/bahasa id")).toContain(id.common.languageSet);
    expect(await again.send("2")).toContain(id.reports.consent(t.config.LENTERA_RETENTION_DAYS));
    await again.close();
  });

  it("survives bad input with a sensible reply", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "fuzzer");
    for (const line of ["a".repeat(16_000), "🙏🙏🙏", "\u0001\u0002\u0003", "/perintahaneh", "ЖЖЖ 漢字 ✈️", "99"]) {
      const reply = await c.send(line);
      expect(reply.trim().length, JSON.stringify(line.slice(0, 20))).toBeGreaterThan(0);
      expect(reply).not.toContain(id.common.error);
    }
    // Longer than any platform sends: refused with the reason, in the language it was written in.
    expect(await c.send("tolong bantu saya ".repeat(1_000))).toContain(id.common.tooLong(16_000));
    // A button from a report that no longer exists starts nothing.
    const stale = await t.app.engine.handle({ channel: "console", address: "fuzzer", action: "confirm:send" });
    expect(stale[0]!.text).toBe(id.common.welcome);
    expect(await t.app.tips.refsForReporter("console", "fuzzer")).toEqual([]);
    await c.close();
  });

  it("handles two messages of the same person one after the other", async () => {
    const t = testApp();
    const msg = { channel: "console" as const, address: "double-tap", text: "/lapor" };
    const [first, second] = await Promise.all([t.app.engine.handle(msg), t.app.engine.handle(msg)]);
    expect(first[0]!.text).toBe(id.reports.chooseKind);
    expect(second[0]!.text).toBe(id.reports.inProgress);
  });
});
