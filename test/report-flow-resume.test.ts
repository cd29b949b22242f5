/**
 * A restart in the middle of a report loses nothing: the next message after the restart answers the
 * question the reporter was at, in the language they chose.
 */
import { describe, expect, it } from "vitest";
import { texts } from "../src/i18n/index.js";
import { ConsoleSession, REF_PATTERN, useTestApp } from "./helpers/console-session.js";
import { backends } from "./helpers/databases.js";

const en = texts("en").reports;

describe.each(backends)("resuming a report after a restart (%s)", (backend) => {
  const testApp = useTestApp(backend);

  it("continues at the same question with the answers already given", async () => {
    const t = testApp();
    const before = new ConsoleSession(t.app, "resumer");
    await before.sendAll(["/bahasa", "2", "/report", "3", "1"]);
    expect(await before.send("Phnom Penh, near the night market")).toContain(en.questions.howMany);
    await before.close();

    const app = await t.restart();
    const after = new ConsoleSession(app, "resumer");
    expect(await after.send("12")).toContain(en.questions.whatIsHappening);
    expect(await after.send("back")).toContain(en.currentAnswer("12"));
    await after.send("12");
    await after.send("They are beaten and cannot leave");
    const summary = await after.send("skip");
    expect(summary).toContain(`${en.labels.where}: Phnom Penh, near the night market`);
    const sent = await after.send("1");
    await after.close();

    const ref = REF_PATTERN.exec(sent)![0];
    expect(sent).toContain(en.submitted(ref, "15 minutes"));
    expect((await app.tips.show(ref))?.details).toEqual({
      where: "Phnom Penh, near the night market",
      howMany: 12,
      whatIsHappening: "They are beaten and cannot leave",
    });
  });
});
