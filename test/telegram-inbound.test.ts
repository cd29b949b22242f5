/**
 * What the Telegram adapter hands the engine for each kind of update (the mapping rules in one table).
 */
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { toInbound } from "../src/channels/telegram/inbound.js";
import { splitText } from "../src/channels/shared/split-text.js";
import { TELEGRAM_TEXT_LIMIT, toTelegramSends } from "../src/channels/telegram/render.js";
import { updates } from "./fakes/telegram-api.js";

const user = { id: 42, lang: "id" };
const withId = (u: Omit<Update, "update_id">) => ({ ...u, update_id: 1 }) as Update;

describe("telegram update → InboundMessage", () => {
  it("passes text with the chat as address, the Telegram language as a hint and the update_id as the delivery's id", () => {
    expect(toInbound(withId(updates.text(user, "/status LTR-7K3Q-9D")))).toEqual({
      kind: "message",
      message: { channel: "telegram", address: "42", text: "/status LTR-7K3Q-9D", attachments: [], langHint: "id", forwarded: false, eventId: "1" },
    });
  });

  it("marks forwarded messages", () => {
    const inbound = toInbound(withId(updates.forwarded(user, "Lowongan kerja")));
    expect(inbound.kind === "message" && inbound.message.forwarded).toBe(true);
  });

  it("turns a photo into an attachment of the largest size, keeping its caption", () => {
    const inbound = toInbound(withId(updates.photo(user, "big-file-id", "ini brosurnya")));
    expect(inbound).toMatchObject({
      kind: "message",
      message: { attachments: [{ kind: "photo", ref: "big-file-id", caption: "ini brosurnya" }] },
    });
    expect(inbound.kind === "message" && inbound.message.text).toBeUndefined();
  });

  it("turns a document into an attachment with its type", () => {
    const update = withId(updates.text(user, "x"));
    const message = { ...update.message!, text: undefined, document: { file_id: "doc-1", file_unique_id: "d", mime_type: "application/pdf" } };
    expect(toInbound({ ...update, message })).toMatchObject({
      kind: "message",
      message: { attachments: [{ kind: "document", ref: "doc-1", mime: "application/pdf" }] },
    });
  });

  it("turns a button press into the option id as action", () => {
    expect(toInbound(withId(updates.callback(user, "report:missing_person")))).toMatchObject({
      kind: "message",
      message: { address: "42", action: "report:missing_person", langHint: "id" },
    });
  });

  it("tells unreadable content (voice notes, stickers) from updates that need no answer", () => {
    const update = withId(updates.text(user, "x"));
    const voice = { ...update.message!, text: undefined, voice: { file_id: "v", file_unique_id: "v", duration: 2 } };
    expect(toInbound({ ...update, message: voice })).toEqual({ kind: "unsupported" });
    const pinned = { ...update.message!, text: undefined, pinned_message: update.message! } as never;
    expect(toInbound({ ...update, message: pinned })).toEqual({ kind: "ignore" });
    expect(toInbound({ update_id: 2, edited_message: update.message! } as Update)).toEqual({ kind: "ignore" });
  });
});

describe("OutboundMessage → Telegram messages", () => {
  it("splits long text at line breaks under Telegram's limit and puts the buttons on the last part", () => {
    const text = Array.from({ length: 300 }, (_, i) => `Baris ${i}: ${"kata ".repeat(5).trim()}`).join("\n");
    const parts = splitText(text, TELEGRAM_TEXT_LIMIT);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join("\n")).toBe(text);
    const sends = toTelegramSends({ text, options: [{ id: "flow:skip", label: "Lewati" }] });
    expect(sends.map((s) => Boolean(s.reply_markup))).toEqual([...parts.slice(1).map(() => false), true]);
  });

  it("refuses an option id Telegram could not carry as callback_data", () => {
    expect(() => toTelegramSends({ text: "?", options: [{ id: "x".repeat(65), label: "too long" }] })).toThrow(/64-byte/);
  });
});
