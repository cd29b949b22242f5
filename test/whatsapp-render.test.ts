import { describe, expect, it } from "vitest";
import type { ReplyOption } from "../src/core/messages.js";
import { matchTypedChoice, toWhatsAppMessages, WHATSAPP_LIMITS } from "../src/channels/whatsapp/render.js";
import { texts } from "../src/i18n/index.js";

const options = (labels: string[]): ReplyOption[] => labels.map((label, i) => ({ id: `opt:${i}`, label }));

describe("WhatsApp rendering of engine replies", () => {
  it("uses reply buttons for up to three short choices", () => {
    const [message] = toWhatsAppMessages({ text: "Setuju?", options: options(["Ya", "Tidak"]) }, "id");
    expect(message).toEqual({
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "Setuju?" },
        action: { buttons: [{ type: "reply", reply: { id: "opt:0", title: "Ya" } }, { type: "reply", reply: { id: "opt:1", title: "Tidak" } }] },
      },
    });
  });

  it("switches to a list when a label is longer than a button title allows, keeping the full label visible", () => {
    const long = "Ada orang dalam bahaya sekarang juga, tolong segera dibantu";
    const [message] = toWhatsAppMessages({ text: "Pilih", options: options(["Ya", long]) }, "id");
    expect(message!.type).toBe("interactive");
    const interactive = (message as Extract<typeof message, { type: "interactive" }>)!.interactive;
    expect(interactive.type).toBe("list");
    if (interactive.type !== "list") return;
    const rows = interactive.action.sections.flatMap((s) => s.rows);
    expect(rows.map((r) => r.id)).toEqual(["opt:0", "opt:1"]);
    for (const row of rows) expect([...row.title].length).toBeLessThanOrEqual(WHATSAPP_LIMITS.rowTitle);
    expect(rows[1]!.description).toBe(long);
    expect(interactive.action.button).toBe(texts("id").whatsapp.listButton);
  });

  it("uses a list for four to ten choices and numbered text beyond, answered by number", () => {
    const ten = toWhatsAppMessages({ text: "Pilih", options: options(Array.from({ length: 10 }, (_, i) => `Pilihan ${i + 1}`)) }, "en");
    expect(ten).toHaveLength(1);
    expect((ten[0] as any).interactive.action.sections[0].rows).toHaveLength(10);
    expect((ten[0] as any).interactive.action.button).toBe(texts("en").whatsapp.listButton);

    const many = options(Array.from({ length: 12 }, (_, i) => `Pilihan ${i + 1}`));
    const numbered = toWhatsAppMessages({ text: "Pilih satu", options: many }, "id");
    expect(numbered).toHaveLength(1);
    expect(numbered[0]!.type).toBe("text");
    const body = (numbered[0] as any).text.body as string;
    expect(body).toContain("1. Pilihan 1\n2. Pilihan 2");
    expect(body).toContain("12. Pilihan 12");
    expect(body).toContain(texts("id").whatsapp.numberedHint);
    expect(matchTypedChoice("3", many)).toBe("opt:2");
    expect(matchTypedChoice(" 12. ", many)).toBe("opt:11");
    expect(matchTypedChoice("13", many)).toBeUndefined();
    expect(matchTypedChoice("3 orang", many)).toBeUndefined();
  });

  it("splits long texts at WhatsApp's limits and keeps every word", () => {
    const words = Array.from({ length: 1200 }, (_, i) => `kata${i}`);
    const text = words.join(" ");
    const messages = toWhatsAppMessages({ text, options: options(["Ya", "Tidak"]) }, "id");
    const bodies = messages.map((m: any) => m.text?.body ?? m.interactive.body.text);
    expect(messages.at(-1)!.type).toBe("interactive");
    expect(bodies.at(-1)!.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.buttonBody);
    for (const body of bodies) expect(body.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.text);
    expect(bodies.join(" ").split(/\s+/)).toEqual(words);

    const plain = toWhatsAppMessages({ text }, "id");
    expect(plain.every((m) => m.type === "text")).toBe(true);
    expect(plain.length).toBeGreaterThan(1);
  });

  it("gives a choice message without text a body, and sends nothing for an empty reply", () => {
    const [message] = toWhatsAppMessages({ text: "", options: options(["Ya"]) }, "en");
    expect((message as any).interactive.body.text).toBe(texts("en").whatsapp.choose);
    expect(toWhatsAppMessages({ text: "  " }, "en")).toEqual([]);
  });

  it("never cuts an emoji in half when shortening a row title", () => {
    const label = `${"😀".repeat(30)}`;
    const [message] = toWhatsAppMessages({ text: "x", options: options([label, "b", "c", "d"]) }, "id");
    const title = (message as any).interactive.action.sections[0].rows[0].title as string;
    expect([...title].length).toBe(WHATSAPP_LIMITS.rowTitle);
    expect(title.endsWith("😀…")).toBe(true);
  });
});
