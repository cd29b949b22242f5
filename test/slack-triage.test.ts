/**
 * Officer triage end to end: the real app (createApp) with the Slack channel in HTTP mode on the
 * shared server, the real Bolt app receiving correctly signed block_actions, view_submission,
 * slash-command and event requests, and the fake Slack Web API on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, INPUTS, VIEWS } from "../src/channels/slack/blocks.js";
import { mainKey } from "../src/channels/slack/post-store.js";
import { texts } from "../src/i18n/index.js";
import { appHomeOpenedBody, blockActionBody, startFakeSlackApi, type FakeSlackApi } from "./fakes/slack-api.js";
import { GROUP_OFFICER, OFFICER, STRANGER, startSlackHarness, TRIAGE, URGENT, type SlackHarness } from "./helpers/slack-harness.js";
import { backends } from "./helpers/databases.js";
import { newTip } from "./helpers/tips.js";

const slack = texts("en").slack;
const PHONE = "+6281234567890";

describe.each(backends)("Slack officer triage on %s", (backend) => {
  let api: FakeSlackApi;
  let h: SlackHarness;

  beforeAll(async () => {
    api = await startFakeSlackApi();
    h = await startSlackHarness(backend, api);
  });
  afterAll(async () => {
    await h.dispose();
    await api.close();
  });

  const submit = (kind: Parameters<typeof newTip>[0], address = `console-${Math.random()}`, extra = {}) =>
    h.app.tips.submit(newTip(kind, { reporter: { channel: "console", address }, ...extra }));
  const blocksOf = (ref: string) => h.triageMessage(ref).then((m) => JSON.stringify(m.blocks));
  const buttonsOf = async (ref: string) => {
    const m = await h.triageMessage(ref);
    return m.blocks!.filter((b) => b.type === "actions").flatMap((b) => b.elements.map((e: { action_id: string }) => e.action_id));
  };

  it("posts a new tip with kind, urgency, summary, entities, time left and buttons; never the reporter's address", async () => {
    const address = "console-secret-address-4711";
    const { ref } = await submit("danger_now", address, { entities: [{ type: "phone", value: PHONE }] });
    const message = await h.triageMessage(ref);
    const blocks = JSON.stringify(message.blocks);

    expect(message.channel).toBe(TRIAGE);
    expect(message.text).toContain(ref);
    expect(blocks).toContain(`🚨 ${slack.kinds.danger_now} · ${ref}`);
    expect(blocks).toContain("Mess karyawan blok C"); // summary
    expect(blocks).toContain(PHONE); // extracted entity
    expect(blocks).toMatch(/⏰ 1[45] min left/);
    expect(await buttonsOf(ref)).toEqual([ACTIONS.claim, ACTIONS.ask, ACTIONS.escalate, ACTIONS.close]);
    expect(JSON.stringify(api.calls)).not.toContain(address);

    // Urgent: an alert in the urgent channel linking to the triage message.
    const alert = await api.waitFor(() => api.messages.find((m) => m.channel === URGENT));
    expect(alert.text).toContain(`/archives/${TRIAGE}/p${message.ts.replace(".", "")}|${ref}>`);
    expect(api.withKey(mainKey(ref))).toHaveLength(1);
  });

  it("links related tips and escapes reporter text so it cannot inject Slack markup", async () => {
    const first = await submit("other", undefined, { entities: [{ type: "phone", value: "+6281299990000" }] });
    await h.triageMessage(first.ref);
    const second = await submit("other", undefined, {
      details: { description: "<!channel> call <https://evil.example|this link> & <@U0BOSS>" },
      entities: [{ type: "phone", value: "+6281299990000" }],
    });
    const blocks = await blocksOf(second.ref);
    // Shown as typed, in a plain_text object (no mentions, links or formatting there); never as mrkdwn.
    const description = "<!channel> call <https://evil.example|this link> & <@U0BOSS>";
    expect(blocks).toContain(JSON.stringify({ type: "plain_text", text: description, emoji: false }));
    expect(blocks).not.toMatch(/"type":"mrkdwn","text":"[^"]*<!channel>/);
    expect(blocks).not.toMatch(/"type":"mrkdwn","text":"[^"]*<@U0BOSS>/);
    const firstTs = (await h.triageMessage(first.ref)).ts.replace(".", "");
    expect(blocks).toContain(`/archives/${TRIAGE}/p${firstTs}|${first.ref}>`);
    // The older tip's message gains the link back.
    await api.waitFor(() => JSON.stringify(api.withKey(mainKey(first.ref))[0]!.blocks).includes(second.ref));
  });

  it("an officer claims a tip: the audit log records their Slack id and the message updates in place", async () => {
    const { ref } = await submit("missing_person");
    const res = await h.click(OFFICER, ACTIONS.claim, ref);
    expect(res.status).toBe(200);

    // Bolt acknowledges first (Slack's 3-second rule), then the action runs.
    const view = await api.waitFor(async () => {
      const v = await h.app.tips.show(ref);
      return v?.status === "claimed" && v;
    });
    expect(view?.status).toBe("claimed");
    expect(view?.assignee).toBe(OFFICER);
    expect(view?.audit.at(-1)).toMatchObject({ actor: OFFICER, action: "claim" });
    await api.waitFor(async () => (await blocksOf(ref)).includes(`${slack.claimedBy(`<@${OFFICER}>`)}`));
    expect(await buttonsOf(ref)).not.toContain(ACTIONS.claim);
    expect(api.withKey(mainKey(ref))).toHaveLength(1);
    expect((await h.triageMessage(ref)).updates).toBeGreaterThan(0);
  });

  it("a member of the officer user group may act too", async () => {
    const { ref } = await submit("recruiter");
    expect((await h.click(GROUP_OFFICER, ACTIONS.escalate, ref)).status).toBe(200);
    const last = await api.waitFor(async () => (await h.app.tips.show(ref))?.audit.find((a) => a.action === "escalate"));
    expect(last).toMatchObject({ actor: GROUP_OFFICER, action: "escalate" });
    expect(api.callsOf("usergroups.users.list").length).toBeGreaterThan(0);
  });

  it("refuses a non-officer's claim with an ephemeral message and changes nothing", async () => {
    const { ref } = await submit("other");
    const res = await h.click(STRANGER, ACTIONS.claim, ref);
    expect(res.status).toBe(200);
    const reply = await h.responseTo(res.responseId);
    expect(reply.body).toMatchObject({ response_type: "ephemeral", replace_original: false, text: slack.refused });
    const view = await h.app.tips.show(ref);
    expect(view?.status).toBe("new");
    expect(view?.audit.map((a) => a.actor)).not.toContain(STRANGER);

    const modal = await h.submitView(STRANGER, VIEWS.close, ref, { [INPUTS.outcome]: { [INPUTS.value]: { selected_option: { value: "resolved" } } } });
    expect(JSON.parse(modal.text)).toMatchObject({ response_action: "errors" });
    expect((await h.app.tips.show(ref))?.status).toBe("new");
  });

  it("ask reporter: the question reaches the console reporter and their answer appears in the tip's thread", async () => {
    const address = "console-reporter-ask";
    const { ref } = await submit("missing_person", address);
    const message = await h.triageMessage(ref);

    await h.click(OFFICER, ACTIONS.ask, ref);
    const open = await api.waitFor(() => api.callsOf("views.open").find((c) => c.args.view.private_metadata === JSON.stringify({ ref })));
    expect(open.args.view.callback_id).toBe(VIEWS.ask);

    const question = "Which city did she fly to?";
    const res = await h.submitView(OFFICER, VIEWS.ask, ref, { [INPUTS.question]: { [INPUTS.value]: { type: "plain_text_input", value: question } } });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");

    const notices = await h.app.notices.claim("console", 10);
    const notice = notices.find((n) => n.address === address);
    expect(notice?.notice).toMatchObject({ ref, kind: "question", text: question });
    await h.app.notices.done(notice!.id);
    await api.waitFor(() => api.messages.find((m) => m.thread_ts === message.ts && m.text?.includes(question)));

    const replies = await h.app.engine.handle({ channel: "console", address, text: "Phnom Penh, via Batam" });
    expect(replies.map((r) => r.text).join("\n")).toContain(ref);
    const answer = await api.waitFor(() => api.messages.find((m) => m.thread_ts === message.ts && m.text?.includes("Phnom Penh, via Batam")));
    expect(answer.text).toContain(slack.threadReply);
    expect((await h.app.tips.show(ref))?.status).toBe("claimed");
  });

  it("close with an outcome from the modal; the message shows the outcome and offers reopening", async () => {
    const { ref } = await submit("recruiter");
    await h.click(OFFICER, ACTIONS.close, ref);
    const open = await api.waitFor(() => api.callsOf("views.open").find((c) => c.args.view.private_metadata === JSON.stringify({ ref })));
    expect(open.args.view.callback_id).toBe(VIEWS.close);

    const missing = await h.submitView(OFFICER, VIEWS.close, ref, {});
    expect(JSON.parse(missing.text)).toMatchObject({ response_action: "errors", errors: { [INPUTS.outcome]: expect.any(String) } });

    const res = await h.submitView(OFFICER, VIEWS.close, ref, {
      [INPUTS.outcome]: { [INPUTS.value]: { type: "static_select", selected_option: { value: "referred_police" } } },
      [INPUTS.note]: { [INPUTS.value]: { type: "plain_text_input", value: "Handed to the regional police" } },
    });
    expect(res.status).toBe(200);
    const view = await h.app.tips.show(ref);
    expect(view).toMatchObject({ status: "closed", outcome: "referred_police" });
    expect(view?.audit.at(-1)).toMatchObject({ actor: OFFICER, action: "close" });
    await api.waitFor(async () => (await blocksOf(ref)).includes(slack.outcomes.referred_police));
    expect(await buttonsOf(ref)).toEqual([ACTIONS.reopen]);
  });

  it("rejects requests with a bad or stale signature (401, empty body) and runs nothing", async () => {
    const { ref } = await submit("other");
    const message = await h.triageMessage(ref);
    const body = blockActionBody({
      userId: OFFICER, actionId: ACTIONS.claim, value: ref, channel: TRIAGE, messageTs: message.ts, responseUrl: h.nextResponseUrl().url,
    });
    const wrong = await h.send(body, { secret: "not-the-signing-secret" });
    expect(wrong).toEqual({ status: 401, text: "" });
    const stale = await h.send(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale).toEqual({ status: 401, text: "" });
    const unsigned = await fetch(h.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    expect(unsigned.status).toBe(401);
    // Had any of them reached the listener, the claim would land within milliseconds.
    await new Promise((r) => setTimeout(r, 300));
    expect((await h.app.tips.show(ref))?.status).toBe("new");
  });

  it("/lentera queue, show, search and stats answer officers ephemerally and refuse others", async () => {
    const { ref } = await submit("recruiter", undefined, { entities: [{ type: "phone", value: "+6281377770000" }] });
    await h.triageMessage(ref);

    const queue = await h.slash(OFFICER, "queue");
    expect(queue.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(queue.body.blocks)).toContain(ref);

    const show = await h.slash(OFFICER, `show ${ref.toLowerCase()}`);
    expect(JSON.stringify(show.body.blocks)).toContain("PT Maju Jaya");

    const search = await h.slash(OFFICER, "search +62 813-7777-0000");
    expect(JSON.stringify(search.body.blocks)).toContain(ref);
    expect((await h.slash(OFFICER, "search <!here>")).body.text).toBe(slack.searchEmpty("&lt;!here&gt;"));

    const stats = await h.slash(OFFICER, "stats");
    const recruiterCount = (await h.app.tips.list({ kind: ["recruiter"], limit: 500 })).length;
    expect(JSON.stringify(stats.body.blocks)).toContain(`${slack.kinds.recruiter}: *${recruiterCount}*`);

    expect((await h.slash(OFFICER, "")).body.text).toBe(slack.usage);
    expect((await h.slash(STRANGER, "queue")).body).toEqual({ response_type: "ephemeral", text: slack.refused });
  });

  it("the App Home tab shows the officer's claimed tips and the open queue", async () => {
    const mine = await submit("missing_person");
    const open = await submit("other");
    await h.app.tips.act(mine.ref, OFFICER, "claim");
    const from = api.calls.length;
    expect((await h.send(appHomeOpenedBody(OFFICER))).status).toBe(200);
    const publish = await api.waitFor(() => api.calls.slice(from).find((c) => c.method === "views.publish" && c.args.user_id === OFFICER));
    const [mineSection, queueSection] = JSON.stringify(publish.args.view.blocks).split(slack.homeQueue);
    expect(mineSection).toContain(mine.ref);
    expect(queueSection).toContain(open.ref);
    expect(queueSection).not.toContain(mine.ref);

    await h.send(appHomeOpenedBody(STRANGER));
    const refused = await api.waitFor(() => api.callsOf("views.publish").find((c) => c.args.user_id === STRANGER));
    expect(JSON.stringify(refused.args.view.blocks)).toContain(slack.homeNotOfficer);
    expect(JSON.stringify(refused.args.view.blocks)).not.toContain(open.ref);
  });

  it("Slack returning 500 then 429 for a while: actions still work, and every tip is posted exactly once", async () => {
    api.fail({ status: 500 });
    const refs: string[] = [];
    for (let i = 0; i < 8; i++) refs.push((await submit(i % 2 ? "other" : "danger_now")).ref);
    await new Promise((r) => setTimeout(r, 500));
    api.fail({ status: 429, retryAfter: 1 }, { forMs: 700 });
    await new Promise((r) => setTimeout(r, 300));
    // Officers keep working from the database while Slack is down.
    await h.app.tips.act(refs[0]!, OFFICER, "claim");
    await api.waitFor(() => refs.every((r) => api.withKey(mainKey(r)).length > 0), { timeoutMs: 15_000 });
    await api.waitFor(async () => (await blocksOf(refs[0]!)).includes(`<@${OFFICER}>`));

    expect(refs.map((r) => api.withKey(mainKey(r)).length)).toEqual(refs.map(() => 1));
    const urgentAlerts = refs.filter((_, i) => i % 2 === 0).map((r) => api.withKey(`urgent:${r}`).length);
    expect(urgentAlerts).toEqual([1, 1, 1, 1]);
  });
});

describe("Slack unreachable when Lentera starts", () => {
  it("starts anyway, serves officers from the database, and posts the queued tips once Slack is back", async () => {
    const api = await startFakeSlackApi();
    api.fail({ status: 500 });
    const h = await startSlackHarness("sqlite", api);
    try {
      const { ref } = await h.app.tips.submit(newTip("danger_now", { reporter: { channel: "console", address: "console-early" } }));
      const queue = await h.slash(OFFICER, "queue");
      expect(queue.status).toBe(200);
      expect(JSON.stringify(queue.body.blocks)).toContain(ref);
      expect(api.withKey(mainKey(ref))).toHaveLength(0);

      api.recover();
      await api.waitFor(() => api.withKey(`urgent:${ref}`).length === 1, { timeoutMs: 15_000 });
      expect(api.withKey(mainKey(ref))).toHaveLength(1);
    } finally {
      await h.dispose();
      await api.close();
    }
  });
});
