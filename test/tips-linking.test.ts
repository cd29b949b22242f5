import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "./helpers/databases.js";
import { newTip, useTipService } from "./helpers/tips.js";

describe.each(backends)("links between tips on %s", (backend) => {
  const ctx = useTipService(backend);

  const relatedRefs = async (ref: string) => (await ctx.tips.show(ref))?.related.map((r) => r.ref).sort();

  it("links tips that share a phone number written differently, in both directions", async () => {
    const a = await ctx.tips.submit(newTip("recruiter", { entities: [{ type: "phone", value: "0812-3456-7890" }] }));
    const b = await ctx.tips.submit(
      newTip("recruiter", { details: { recruiterName: "Bu Rina", offerEntities: { phones: ["+62 812 3456 7890"] } } }),
    );
    const unrelated = await ctx.tips.submit(newTip("recruiter", { entities: [{ type: "phone", value: "0813-9999-0000" }] }));
    expect((await ctx.tips.show(b.ref))?.related).toEqual([{ ref: a.ref, via: [{ type: "phone", value: "+6281234567890" }] }]);
    expect(await relatedRefs(a.ref)).toEqual([b.ref]);
    expect(await relatedRefs(unrelated.ref)).toEqual([]);
  });

  it("links missing-person reports about the same person and tips naming the same company", async () => {
    const first = await ctx.tips.submit(newTip("missing_person", { details: { name: "Dewi  Lestari", employer: "PT. Sinar Abadi" } }));
    const second = await ctx.tips.submit(newTip("missing_person", { details: { name: "dewi lestari" } }));
    const company = await ctx.tips.submit(newTip("recruiter", { entities: [{ type: "company", value: "Sinar Abadi" }] }));
    expect(await relatedRefs(first.ref)).toEqual([second.ref, company.ref].sort());
    expect((await ctx.tips.show(company.ref))?.related[0]?.via).toEqual([{ type: "company", value: "sinar abadi" }]);
  });

  it("does not link on a shared destination country (too common to mean anything)", async () => {
    const a = await ctx.tips.submit(newTip("other", { entities: [{ type: "destination", value: "Kamboja" }] }));
    const b = await ctx.tips.submit(newTip("other", { entities: [{ type: "destination", value: "kamboja" }] }));
    expect(await relatedRefs(a.ref)).toEqual([]);
    expect(await relatedRefs(b.ref)).toEqual([]);
  });

  it("stores only pseudonyms for matching: the entity table holds no plaintext value", async () => {
    await ctx.tips.submit(newTip("recruiter", { entities: [{ type: "handle", value: "@agen_kerja_murah" }] }));
    const rows = await ctx.t.db.kysely.selectFrom("tip_entities").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain("agen_kerja_murah");
  });

  it("finds tips by an exact entity value or reference", async () => {
    const a = await ctx.tips.submit(newTip("recruiter", { entities: [{ type: "handle", value: "@penyalur.jaya" }] }));
    expect((await ctx.tips.list({ search: "@Penyalur.Jaya" })).map((v) => v.ref)).toEqual([a.ref]);
    expect((await ctx.tips.list({ search: a.ref.toLowerCase() })).map((v) => v.ref)).toEqual([a.ref]);
    expect(await ctx.tips.list({ search: "nobody-mentions-this" })).toEqual([]);
  });
});
