/**
 * A family reports a missing relative through the console channel: every question, the validation
 * messages, skip / back / change, the summary, and the committed tip behind the reference shown.
 */
import { describe, expect, it, vi } from "vitest";
import { texts } from "../src/i18n/index.js";
import { SqlSessionStore } from "../src/storage/session-store.js";
import { ConsoleSession, REF_PATTERN, useTestApp } from "./helpers/console-session.js";
import { backends } from "./helpers/databases.js";

const id = texts("id").reports;

describe.each(backends)("missing-person report through the console (%s)", (backend) => {
  const testApp = useTestApp(backend);

  it("asks every question, validates each answer, and submits what the reporter confirmed", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "family-1");
    const sessions = new SqlSessionStore<{ flow?: { answers: object; consent?: object } }>(t.app.db);

    expect(await c.send("/lapor")).toContain(`${id.chooseKind}\n  1. ${id.kinds.missing_person}`);
    expect(await c.send("1")).toContain(id.consent(t.config.LENTERA_RETENTION_DAYS));
    // Nothing personal is kept before the reporter agreed.
    const beforeConsent = await sessions.get("console", "family-1");
    expect(beforeConsent?.flow).toMatchObject({ answers: {} });
    expect(beforeConsent?.flow?.consent).toBeUndefined();

    expect(await c.send("1")).toContain(id.questions.name);
    expect(await c.send("x".repeat(130))).toContain(id.errors.tooLong(120, 130));
    expect(await c.send("skip")).toContain(id.errors.required);
    expect(await c.send("Siti Aminah")).toContain(id.questions.age);
    expect(await c.send("dua puluh")).toContain(id.errors.notNumber);
    expect(await c.send("200")).toContain(id.errors.numberRange(0, 120));
    expect(await c.send("23")).toContain(id.questions.relationship);
    expect(await c.send("Bibi jauh")).toContain(id.errors.pickOption);
    expect(await c.send("3")).toContain(id.questions.destinationCountry);
    expect(await c.send("Kamboja")).toContain(id.questions.destinationCity);
    expect(await c.send("lewati")).toContain(id.questions.employer);
    expect(await c.send("PT Sukses Makmur, agen Pak Darto 0812-3456-7890")).toContain(id.questions.lastContactDate);
    expect(await c.send("31/02/2025")).toContain(id.errors.badDate);
    expect(await c.send("01/01/2999")).toContain(id.errors.future_date);
    expect(await c.send("15 maret 2025")).toContain(id.questions.lastContactChannel);
    expect(await c.send("1")).toContain(id.questions.photo);
    expect(await c.send("ini fotonya")).toContain(id.errors.needPhoto);
    expect(await c.send("lewati")).toContain(id.questions.contact);
    expect(await c.send("kembali")).toContain(id.questions.photo);
    expect(await c.send("lewati")).toContain(id.questions.contact);

    const summary = await c.send("0813 9999 0000");
    expect(summary).toContain(id.summaryTitle);
    for (const shown of ["Siti Aminah", "23", id.choices.relationship.sibling, "Kamboja", "15 Mar 2025", "WhatsApp", "0813 9999 0000"])
      expect(summary).toContain(shown);
    expect(summary).not.toContain(id.labels.destinationCity);

    // Change one answer from the summary, then send.
    expect(await c.send("2")).toContain(id.editWhich);
    expect(await c.send("2")).toContain(id.currentAnswer("23"));
    expect(await c.send("24")).toContain(`${id.labels.age}: 24`);
    const sent = await c.send("1");
    const ref = REF_PATTERN.exec(sent)?.[0];
    expect(ref, sent).toBeDefined();
    expect(sent).toContain(id.submitted(ref!, "24 jam"));
    await c.close();

    const tip = await t.app.tips.show(ref!);
    expect(tip).toMatchObject({
      kind: "missing_person",
      status: "new",
      reporterChannel: "console",
      reporterContact: "0813 9999 0000",
      details: {
        name: "Siti Aminah",
        age: 24,
        relationship: "sibling",
        destinationCountry: "Kamboja",
        employer: "PT Sukses Makmur, agen Pak Darto 0812-3456-7890",
        lastContactDate: "2025-03-15",
        lastContactChannel: "whatsapp",
      },
    });
    expect(tip!.details).not.toHaveProperty("destinationCity");
    expect(tip!.entities).toEqual(expect.arrayContaining([
      { type: "phone", value: "+6281234567890" },
      { type: "person", value: "siti aminah" },
    ]));
    // The report is over: the conversation no longer holds its answers.
    expect((await sessions.get("console", "family-1"))?.flow).toBeUndefined();
  });

  it("takes the photo a channel attaches at the photo question", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "family-photo");
    await c.sendAll(["/lapor", "1", "1", "Dewi", "lewati", "lewati", "Malaysia", "lewati", "lewati", "lewati"]);
    expect(await c.send("lewati")).toContain(id.questions.photo);
    // The console has no attachments; a photo arrives the way Telegram or WhatsApp pass it.
    const [next] = await t.app.engine.handle({
      channel: "console",
      address: "family-photo",
      attachments: [{ kind: "photo", ref: "photo-file-id-1", mime: "image/jpeg" }],
    });
    expect(next!.text).toContain(id.questions.contact);
    expect(await c.send("lewati")).toContain(`${id.labels.photo}: ${id.photoAttached}`);
    const ref = REF_PATTERN.exec(await c.send("1"))![0];
    await c.close();
    const tip = await t.app.tips.show(ref);
    expect(tip).toMatchObject({ attachments: 1, details: { name: "Dewi", destinationCountry: "Malaysia" } });
    expect(tip!.details).not.toHaveProperty("photo");
  });

  it("records the consent (time and notice version) with the tip", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "family-2");
    const startedAt = new Date();
    const sent = await c.sendAll(["/lapor", "4", "1", "Tetangga saya dijanjikan kerja di Kamboja", "lewati", "1"]);
    await c.close();
    const ref = REF_PATTERN.exec(sent)![0];
    const row = await t.app.db.kysely
      .selectFrom("tips")
      .select(["consent_at", "consent_version", "created_at"])
      .where("ref", "=", ref)
      .executeTakeFirstOrThrow();
    expect(row.consent_version).toBe(t.app.engine.flow.noticeVersion);
    expect(new Date(row.consent_at).getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    expect(row.consent_at <= row.created_at).toBe(true);
  });

  it("shows the reference only once the tip is committed, and keeps the answers when saving fails", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "family-3");
    await c.sendAll(["/lapor", "4", "1", "Ada calo menawarkan kerja ke Myanmar", "lewati"]);
    const submit = vi.spyOn(t.app.tips, "submit").mockRejectedValueOnce(new Error("database unavailable"));
    const failed = await c.send("1");
    expect(failed).toContain(id.submitFailed);
    expect(failed).not.toMatch(REF_PATTERN);
    const retried = await c.send("1");
    submit.mockRestore();
    await c.close();
    const ref = REF_PATTERN.exec(retried)![0];
    expect((await t.app.tips.show(ref))?.details).toEqual({ description: "Ada calo menawarkan kerja ke Myanmar" });
    expect(await t.app.tips.refsForReporter("console", "family-3")).toEqual([ref]);
  });
});
