import type { Kysely } from "kysely";

/**
 * The report flow's submission id: "Send" pressed again after a crash (or after a reply that never
 * arrived) finds the tip already filed instead of filing it twice. NULLs are distinct on both
 * backends, so tips filed without one (CLI, tests) are unaffected.
 */
export const up = async (db: Kysely<any>) => {
  await db.schema.alterTable("tips").addColumn("submission_id", "text").execute();
  await db.schema.createIndex("tips_submission").unique().on("tips").columns(["reporter_pseudonym", "submission_id"]).execute();
};
