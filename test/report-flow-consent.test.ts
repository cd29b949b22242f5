/**
 * Consent and minimal data through the console: declining stores nothing, anonymous reports still
 * get a reference, no network or device data exists anywhere in the schema, and /hapus (after a
 * confirmation) deletes the reporter's tips, pending messages and conversation.
 */
import { describe, expect, it } from "vitest";
import { texts } from "../src/i18n/index.js";
import { SqlSessionStore } from "../src/storage/session-store.js";
import { ConsoleSession, REF_PATTERN, useTestApp } from "./helpers/console-session.js";
import { backends } from "./helpers/databases.js";

const id = texts("id").reports;

describe.each(backends)("consent, anonymity and withdrawal (%s)", (backend) => {
  const testApp = useTestApp(backend);

  it("stores nothing when the reporter does not agree", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "decliner");
    await c.sendAll(["/lapor", "2"]);
    expect(await c.send("2")).toContain(id.consentDeclined);
    // A stray answer afterwards is an ordinary message, not part of a report.
    await c.send("PT Jaya Abadi");
    await c.close();
    const session = await new SqlSessionStore<{ flow?: unknown }>(t.app.db).get("console", "decliner");
    expect(session?.flow).toBeUndefined();
    expect(await t.app.tips.refsForReporter("console", "decliner")).toEqual([]);
  });

  it("accepts an anonymous report and still gives it a reference", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "anonymous");
    await c.sendAll(["/lapor", "3", "1", "Kandal, Kamboja, gedung biru dekat pasar", "7", "Mereka dikurung dan HP diambil"]);
    const summary = await c.send("lewati");
    expect(summary).toContain(`${id.labels.contact}: ${id.anonymous}`);
    const sent = await c.send("1");
    await c.close();
    const ref = REF_PATTERN.exec(sent)![0];
    expect(sent).toContain(id.submitted(ref, "15 menit"));
    const tip = await t.app.tips.show(ref);
    expect(tip).toMatchObject({ kind: "danger_now", urgent: true, details: { howMany: 7 } });
    expect(tip!.reporterContact).toBeUndefined();
  });

  it("keeps no IP address, user agent or device data in any table", async () => {
    const t = testApp();
    const tables = await t.app.db.kysely.introspection.getTables();
    const columns = tables.flatMap((table) => table.columns.map((col) => `${table.name}.${col.name}`));
    expect(columns.length).toBeGreaterThan(20);
    expect(columns.filter((c) => /(^|[._])(ip|ip_address|user_agent|useragent|device|location|geo)([._]|$)/i.test(c))).toEqual([]);
  });

  it("deletes every report, pending message and the conversation after a confirmed /hapus", async () => {
    const t = testApp();
    const c = new ConsoleSession(t.app, "withdrawer");
    const sent = await c.sendAll(["/lapor", "4", "1", "Ada perekrut ilegal di kampung saya", "0812 1111 2222", "1"]);
    const ref = REF_PATTERN.exec(sent)![0];
    await t.app.tips.act(ref, "officer-1", "ask", { text: "Siapa nama perekrutnya?" });

    expect(await c.send("/hapus")).toContain(id.deleteConfirm);
    expect(await c.send("2")).toContain(id.deleteKept);
    expect(await t.app.tips.show(ref)).toBeDefined();

    expect(await c.send("/hapus")).toContain(id.deleteConfirm);
    expect(await c.send("ya")).toContain(id.deleteDone(1));
    expect(await t.app.tips.show(ref)).toBeUndefined();
    expect(await t.app.tips.statusForReporter(ref)).toBeUndefined();
    expect(await new SqlSessionStore(t.app.db).get("console", "withdrawer")).toBeUndefined();
    // The officer's question died with the tip: nothing is left to deliver.
    expect(await c.deliverNotices()).toBe("");
    expect(await c.send(`/status ${ref}`)).toContain(id.statusUnknown(ref));
    await c.close();
  });
});
