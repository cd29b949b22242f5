/**
 * Every free-text question of every report kind has a length limit. An answer over it is refused with
 * a message that says it is too long and what the limit is (not "we need this one"), the same question
 * is asked again, and an answer of exactly the limit is taken and submitted whole.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { REPORT_FIELDS } from "../src/core/reports/fields.js";
import { TIP_KINDS } from "../src/core/tips/types.js";
import { texts } from "../src/i18n/index.js";
import { ConsoleSession, REF_PATTERN, useTestApp } from "./helpers/console-session.js";
import { backends } from "./helpers/databases.js";

const t = texts("id").reports;

/** The limit a text question's schema sets. */
function limitOf(schema: z.ZodType): number {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  const max = (inner as z.ZodString).maxLength;
  if (max === null) throw new Error("a text question without a length limit");
  return max;
}

/** Harmless text of exactly `length` characters (no keyword, no danger words, no trailing space to trim). */
const textOf = (length: number) => "ab".repeat(length).slice(0, length);

describe.each(backends)("answers over a question's length limit (%s)", (backend) => {
  const testApp = useTestApp(backend);

  it.each(TIP_KINDS)("says too long and how long may be for each text question of a %s report", async (kind) => {
    const app = testApp().app;
    const c = new ConsoleSession(app, `long-${kind}`);
    await c.sendAll(["/lapor", String(TIP_KINDS.indexOf(kind) + 1)]);
    await c.send("1"); // consent

    const fields = REPORT_FIELDS[kind];
    const accepted: Record<string, string> = {};
    let reply = "";
    for (const [i, field] of fields.entries()) {
      if (field.input !== "text") {
        expect(field.optional).toBe(true);
        reply = await c.send("lewati");
        continue;
      }
      const max = limitOf(field.schema);
      const refused = await c.send(textOf(max + 1));
      expect(refused).toContain(t.errors.tooLong(max, max + 1));
      expect(refused).not.toContain(t.errors.required);
      expect(refused).toContain(t.questions[field.key as keyof typeof t.questions]);

      accepted[field.key] = textOf(max);
      reply = await c.send(accepted[field.key]!);
      const next = fields[i + 1];
      expect(reply).toContain(next ? t.questions[next.key as keyof typeof t.questions] : t.confirmQuestion);
    }
    expect(reply).toContain(t.confirmQuestion);
    const sent = await c.send("1");
    await c.close();

    const ref = REF_PATTERN.exec(sent)?.[0];
    expect(ref, sent).toBeDefined();
    const tip = await app.tips.show(ref!);
    const { contact, ...details } = accepted;
    expect(tip!.details).toMatchObject(details);
    expect(tip!.reporterContact).toBe(contact);
  });

  it("tells an English-speaking reporter in English, with the numbers written the English way", async () => {
    const c = new ConsoleSession(testApp().app, "long-en", { langHint: "en" });
    const en = texts("en").reports;
    await c.sendAll(["/report", String(TIP_KINDS.indexOf("other") + 1), "1"]);
    const refused = await c.send(textOf(4_321));
    await c.close();
    expect(refused).toContain("That is too long (4,321 characters). Please shorten it to at most 4,000 characters.");
    expect(refused).toContain(en.questions.description);
  });
});
