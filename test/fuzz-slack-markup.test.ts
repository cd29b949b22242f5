/**
 * Markup injection into Slack: a reporter who types Slack control sequences (`<!channel>`, user and
 * channel mentions, disguised links), mrkdwn formatting (*bold*, _italic_, ~strike~, `code`, a
 * "> " quote) or Block Kit JSON into report fields or into an answer to an officer must not ping
 * anyone, disguise a link, style the text or change the message's structure, and officers still read
 * exactly what was typed. Reports go through the engine and the real Slack channel to the fake Slack;
 * the posted blocks are inspected.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboundMessage } from "../src/core/messages.js";
import { pickAction } from "../src/core/reports/answers.js";
import { ACTIONS } from "../src/core/reports/flow.js";
import { texts } from "../src/i18n/index.js";
import { FAKE_TEAM, startFakeSlackApi, type FakeMessage, type FakeSlackApi } from "./fakes/slack-api.js";
import { OFFICER, startSlackHarness, type SlackHarness } from "./helpers/slack-harness.js";

const INJECTIONS = [
  "<!channel> <!here|here> <!everyone>",
  "<@U0VICTIM> <@W123ABC> <#C0TRIAGE|triage> <!subteam^S0OFFICERS|officers>",
  "<https://evil.example/login|https://bp2mi.go.id> <mailto:x@evil.example|Klik>",
  '"}]}, {"type":"section","text":{"type":"mrkdwn","text":"<!channel> injected block"}}',
  "*VERIFIED* _by BP2MI_ ~no~ `x` ```y``` &lt;!channel&gt; > quote",
];
/** The control sequences typed above; in a posted message they may only appear escaped (&lt;…&gt;). */
const INJECTED = ["<!channel", "<!here", "<!everyone", "<!subteam", "<@U0VICTIM", "<@W123ABC", "<#C0TRIAGE", "<https://evil", "<mailto:"];
/** Formatting a reporter typed; none of it may reach text Slack renders as mrkdwn (outside code spans). */
const FORMATTING = ["*VERIFIED*", "_by BP2MI_", "~no~", "`x`", "```y```", "> quote"];
/** Links Lentera itself puts in messages point into the workspace (message permalinks), nowhere else. */
const OWN_LINK = new RegExp(`^<${FAKE_TEAM.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
const KNOWN_BLOCKS = new Set(["section", "context", "actions", "divider", "header"]);

/** Every text object of one type in a posted message's blocks. */
function textsOfType(m: FakeMessage, type: "mrkdwn" | "plain_text"): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o.type === type && typeof o.text === "string") out.push(o.text);
    Object.values(o).forEach(visit);
  };
  visit(m.blocks);
  return out;
}

/** Every piece of text Slack would parse as mrkdwn in a posted message (the fallback `text` included). */
const mrkdwnTexts = (m: FakeMessage): string[] => [...(m.text ? [m.text] : []), ...textsOfType(m, "mrkdwn")];

/** Inline code shows its content literally, so formatting inside it is harmless. */
const outsideCode = (text: string) => text.replace(/`[^`\n]*`/g, "");

describe("Slack markup injection from reporters", () => {
  let api: FakeSlackApi;
  let h: SlackHarness;

  beforeAll(async () => {
    api = await startFakeSlackApi();
    h = await startSlackHarness("sqlite", api);
  });

  afterAll(async () => {
    await h?.dispose();
    await api?.close();
  });

  async function report(address: string, steps: Partial<InboundMessage>[]): Promise<string> {
    let last = "";
    for (const step of steps) last = (await h.app.engine.handle({ channel: "console", address, ...step })).map((r) => r.text).join("\n");
    const ref = /LTR-[A-Z0-9]{4}-[A-Z0-9]{2}/.exec(last)?.[0];
    expect(ref, last).toBeDefined();
    return ref!;
  }

  function expectInert(m: FakeMessage, what: string): void {
    for (const text of mrkdwnTexts(m)) {
      for (const token of INJECTED) expect(text, `${what}: live ${token} in ${text.slice(0, 300)}`).not.toContain(token);
      for (const link of text.match(/<(https?|mailto):[^>]*>/g) ?? []) expect(link, `${what}: foreign link`).toMatch(OWN_LINK);
    }
    // The fallback `text` only feeds notifications, which show no formatting; the blocks are what officers read.
    for (const text of textsOfType(m, "mrkdwn")) {
      for (const styled of FORMATTING) expect(outsideCode(text), `${what}: live ${styled} in ${text.slice(0, 300)}`).not.toContain(styled);
    }
    for (const block of m.blocks ?? []) expect(KNOWN_BLOCKS.has(block.type), `${what}: unexpected block ${block.type}`).toBe(true);
    expect((m.blocks ?? []).length).toBeLessThanOrEqual(50);
    for (const block of m.blocks ?? []) if (block.text?.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
  }

  it("escapes markup typed into every field of a recruiter report and an 'other' report", async () => {
    for (const [i, injection] of INJECTIONS.entries()) {
      const recruiter = await report(`markup-r-${i}`, [
        { text: "/lapor" }, { action: ACTIONS.report("recruiter") }, { action: ACTIONS.consentYes },
        { text: `Lowongan kerja Kamboja gaji 15 juta ${injection}` }, { text: `Pak ${injection}` }, { text: `0812-3456-7890 ${injection}` },
        { action: pickAction("howContacted", "whatsapp") }, { text: `WA ${injection}` }, { action: ACTIONS.send },
      ]);
      const other = await report(`markup-o-${i}`, [
        { text: "/lapor" }, { action: ACTIONS.report("other") }, { action: ACTIONS.consentYes },
        { text: `${injection} ${"panjang ".repeat(400)}` }, { action: ACTIONS.skip }, { action: ACTIONS.send },
      ]);
      for (const ref of [recruiter, other]) {
        const posted = await h.triageMessage(ref);
        expectInert(posted, `${ref} (injection ${i})`);
        // The text is shown exactly, not dropped or altered: officers read what the reporter wrote.
        expect(textsOfType(posted, "plain_text").join("\n")).toContain(injection);
      }
    }
  });

  it("escapes markup in a reporter's answer to an officer's question, posted in the tip's thread", async () => {
    const address = "markup-answer";
    const ref = await report(address, [
      { text: "/lapor" }, { action: ACTIONS.report("other") }, { action: ACTIONS.consentYes },
      { text: "Sponsor di desa mengumpulkan KTP" }, { action: ACTIONS.skip }, { action: ACTIONS.send },
    ]);
    await h.triageMessage(ref);
    const asked = await h.submitView(OFFICER, "tip_ask_modal", ref, { question: { value: { type: "plain_text_input", value: "Kapan terakhir dihubungi?" } } });
    expect(asked.status).toBe(200);
    const answer = INJECTIONS.join(" ");
    const replies = await h.app.engine.handle({ channel: "console", address, text: answer });
    const forwarded = (["id", "en"] as const).map((l) => texts(l).reports.replyForwarded(ref));
    expect(replies.some((r) => forwarded.includes(r.text)), replies.map((r) => r.text).join("\n")).toBe(true);
    const main = await h.triageMessage(ref);
    const thread = await api.waitFor(() => {
      const entries = api.messages.filter((m) => m.thread_ts === main.ts && m.ts !== main.ts);
      return entries.length >= 2 ? entries : undefined;
    });
    for (const m of thread) expectInert(m, `thread entry of ${ref}`);
    expect(thread.flatMap((m) => textsOfType(m, "plain_text"))).toContain(answer);
  });
});
