/**
 * The Block Kit builders with extreme tips: Slack rejects a whole message (invalid_blocks) when a
 * limit is exceeded, which would leave a tip unposted, so every limit is checked here; plus the
 * time-left / overdue line and the mention setting.
 */
import { describe, expect, it } from "vitest";
import type { OfficerTipView } from "../src/core/ports.js";
import { homeView, threadEntry, tipDetailBlocks, tipMessage, timeLeft, type RenderContext } from "../src/channels/slack/blocks.js";
import { mentionMarkup } from "../src/channels/slack/mrkdwn.js";

const now = new Date("2026-05-04T10:00:00Z");
const ctx: RenderContext = { lang: "en", now, link: (ref) => `https://lentera-test.slack.com/archives/C1/p${ref.length}` };

function view(overrides: Partial<OfficerTipView> = {}): OfficerTipView {
  return {
    ref: "LTR-7K3Q-9D",
    kind: "recruiter",
    status: "new",
    urgent: false,
    overdue: false,
    createdAt: new Date(now.getTime() - 3_600_000),
    dueAt: new Date(now.getTime() + 12 * 60_000),
    updatedAt: now,
    summary: "Kerja di pabrik",
    details: { recruiterName: "PT Maju Jaya" },
    entities: [],
    attachments: 0,
    reporterChannel: "telegram",
    related: [],
    audit: [],
    ...overrides,
  };
}

/** Every text in a block tree, with the limit Slack applies to it. */
function textLimits(blocks: any[]): { text: string; limit: number }[] {
  const out: { text: string; limit: number }[] = [];
  for (const b of blocks) {
    if (b.type === "header") out.push({ text: b.text.text, limit: 150 });
    if (b.type === "section" && b.text) out.push({ text: b.text.text, limit: 3000 });
    for (const f of b.fields ?? []) out.push({ text: f.text, limit: 2000 });
    for (const e of b.elements ?? []) if (e.text?.text) out.push({ text: e.text.text, limit: e.type === "button" ? 75 : 3000 });
    if (b.type === "context") expect(b.elements.length).toBeLessThanOrEqual(10);
  }
  return out;
}

describe("Slack tip blocks", () => {
  it("stay within Slack's limits for the largest tips the tip service accepts", () => {
    const huge = view({
      urgent: true,
      summary: "x".repeat(4000),
      details: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`field_${i}`, "y".repeat(4000)])),
      entities: Array.from({ length: 100 }, (_, i) => ({ type: "link" as const, value: `https://example.com/${"z".repeat(280)}${i}` })),
      related: Array.from({ length: 60 }, (_, i) => ({ ref: `LTR-AAAA-${i}`, via: [{ type: "phone" as const, value: "+6281234567890" }] })),
      reporterContact: "c".repeat(200),
      attachments: 10,
    });
    for (const blocks of [tipMessage(huge, ctx).blocks, tipDetailBlocks(huge, ctx)]) {
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const { text, limit } of textLimits(blocks)) expect(text.length).toBeLessThanOrEqual(limit);
    }
    const home = homeView("en", { officer: true, mine: Array(80).fill(huge), queue: Array(200).fill(huge) }, ctx);
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    for (const { text, limit } of textLimits(home.blocks)) expect(text.length).toBeLessThanOrEqual(limit);
  });

  it("shows what the reporter wrote exactly, as plain_text, so *, _, ~, ` and > format nothing", () => {
    const typed = "*RESMI* _BP2MI_ ~gratis~ `kode`\n> dijamin & <aman>";
    const tip = view({ summary: typed, details: { description: typed }, reporterContact: `*WA* ${typed}` });
    const reply = threadEntry({ at: now, actor: "reporter", action: "reporter_reply", note: typed }, "en");
    for (const blocks of [tipMessage(tip, ctx).blocks, tipDetailBlocks(tip, ctx), reply.blocks]) {
      const texts: { type: string; text: string }[] = [];
      JSON.stringify(blocks, (_key, value) => {
        if (value?.type === "plain_text" || value?.type === "mrkdwn") texts.push(value);
        return value;
      });
      const plainTexts = texts.filter((x) => x.type === "plain_text").map((x) => x.text).join("\n");
      expect(plainTexts).toContain(typed);
      for (const mrkdwn of texts.filter((x) => x.type === "mrkdwn")) {
        for (const piece of ["RESMI", "BP2MI", "gratis", "kode", "dijamin"]) expect(mrkdwn.text).not.toContain(piece);
      }
    }
  });

  it("shows time left, then overdue, and nothing once closed", () => {
    expect(timeLeft(view(), ctx)).toBe("⏰ 12 min left");
    expect(timeLeft(view({ dueAt: new Date(now.getTime() + 26 * 3_600_000) }), ctx)).toBe("⏰ 26 h left");
    expect(timeLeft(view({ overdue: true, dueAt: new Date(now.getTime() - 3 * 3_600_000 - 5 * 60_000) }), ctx)).toBe("⚠️ overdue by 3 h 5 min");
    expect(timeLeft(view({ status: "closed" }), ctx)).toBeUndefined();
    expect(timeLeft(view({ dueAt: new Date(now.getTime() + 12 * 60_000) }), { ...ctx, lang: "id" })).toBe("⏰ sisa 12 mnt");
  });

  it("offers only the actions possible in the tip's state", () => {
    const buttons = (v: OfficerTipView) => tipMessage(v, ctx).blocks.flatMap((b: any) => (b.type === "actions" ? b.elements.map((e: any) => e.action_id) : []));
    expect(buttons(view())).toEqual(["tip_claim", "tip_ask", "tip_escalate", "tip_close"]);
    expect(buttons(view({ status: "escalated", assignee: "U1" }))).toEqual(["tip_ask", "tip_close"]);
    expect(buttons(view({ status: "closed", outcome: "resolved" }))).toEqual(["tip_reopen"]);
  });

  it("turns SLACK_URGENT_MENTION into a mention only for ids and here/channel", () => {
    expect(mentionMarkup("S0123ABC")).toBe("<!subteam^S0123ABC>");
    expect(mentionMarkup("U0123ABC")).toBe("<@U0123ABC>");
    expect(mentionMarkup("here")).toBe("<!here>");
    expect(mentionMarkup("<!everyone>")).toBeUndefined();
    expect(mentionMarkup(undefined)).toBeUndefined();
  });
});
