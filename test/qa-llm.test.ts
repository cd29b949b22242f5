import { FakeListChatModel } from "@langchain/core/utils/testing";
import type { BaseMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { fixtureQa } from "./fixtures/qa.js";

/** Fake chat model that records what it was shown. */
class RecordingModel extends FakeListChatModel {
  seen: BaseMessage[][] = [];
  override async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"], runManager?: Parameters<FakeListChatModel["_generate"]>[2]) {
    this.seen.push(messages);
    return super._generate(messages, options, runManager);
  }
}

const QUESTION = "agen minta biaya penempatan, boleh ga?";

describe("LLM path (langchain fake chat model)", () => {
  it("uses a generated answer that cites the passages, with those passages as sources", async () => {
    const model = new RecordingModel({ responses: ["Tidak boleh: PMI tidak dapat dibebani biaya penempatan [1]."] });
    const qa = await fixtureQa({ chatModel: model });
    const a = await qa.answer(QUESTION);
    expect(a.answer).toMatch(/^Tidak boleh: PMI tidak dapat dibebani biaya penempatan \[1\]\.\n\nSumber: Kerja ke luar negeri/);
    expect(a.sources[0]!.id).toBe("work-abroad-id#apakah-agen-boleh-menarik-biaya-penempatan-dari-pmi");
    expect(a.refused).toBe(false);
    // The model was given the prompts from prompts/ and the retrieved passages, numbered.
    const [system, user] = model.seen[0]!;
    expect(String(system!.content)).toContain("Answer ONLY from the numbered passages");
    expect(String(system!.content)).toContain("Bahasa Indonesia");
    expect(String(user!.content)).toContain("[1] Kerja ke luar negeri lewat jalur resmi — Apakah agen boleh menarik biaya penempatan");
    expect(String(user!.content)).toContain(`Question: ${QUESTION}`);
  });

  it.each([
    ["cites nothing", { responses: ["Tidak boleh, itu melanggar aturan."] }],
    ["cites a passage it was not given", { responses: ["Tidak boleh [9]."] }],
    ["says it cannot answer", { responses: ["NO_ANSWER"] }],
    ["is too long", { responses: [`${"Tidak boleh. ".repeat(120)}[1]`] }],
    ["fails", { responses: ["x"], thrownErrorString: "model unavailable" }],
  ])("falls back to the extractive answer when the model %s", async (_, fields) => {
    const qa = await fixtureQa({ chatModel: new FakeListChatModel(fields) });
    const a = await qa.answer(QUESTION);
    expect(a.refused).toBe(false);
    expect(a.answer).toContain("Pasal 30 UU 18/2017");
    expect(a.answer).toContain("Sumber: Kerja ke luar negeri lewat jalur resmi");
  });

  it("falls back to the extractive answer when the model is slower than LLM_TIMEOUT_MS", async () => {
    const model = new FakeListChatModel({ responses: ["Tidak boleh [1]."], sleep: 2_000 });
    const qa = await fixtureQa({ chatModel: model, env: { LLM_TIMEOUT_MS: "50" } });
    const a = await qa.answer(QUESTION);
    expect(a.answer).toContain("Pasal 30 UU 18/2017");
    expect(a.answer).not.toContain("[1]");
  });

  it("never asks the model about out-of-scope questions", async () => {
    const model = new RecordingModel({ responses: ["Rendang needs coconut milk [1]."] });
    const qa = await fixtureQa({ chatModel: model });
    expect((await qa.answer("resep rendang padang yg enak gimana?")).refused).toBe(true);
    expect(model.seen).toEqual([]);
  });
});
