/**
 * Every migration, in order. Add one line per new file. Number ranges: 001–019 storage/tips,
 * 020–029 offers/agencies, 030–039 channels. Each `up` must work on SQLite and PostgreSQL
 * (see ./helpers.ts for the conventions).
 */
import type { Kysely, Migration, MigrationProvider } from "kysely";
import * as m001 from "./001_meta.js";
import * as m002 from "./002_tips.js";
import * as m003 from "./003_tip_audit.js";
import * as m004 from "./004_tip_entities.js";
import * as m005 from "./005_tip_links.js";
import * as m006 from "./006_sessions.js";
import * as m007 from "./007_inbox.js";
import * as m008 from "./008_outbox.js";
import * as m009 from "./009_notices.js";
import * as m010 from "./010_rate_limits.js";
import * as m011 from "./011_tip_submissions.js";
import * as m020 from "./020_agencies.js";
import * as m030 from "./030_slack.js";
import * as m031 from "./031_whatsapp.js";

export interface MigrationModule {
  up(db: Kysely<any>): Promise<void>;
  down?(db: Kysely<any>): Promise<void>;
}

export const migrations: Record<string, MigrationModule> = {
  "001_meta": m001,
  "002_tips": m002,
  "003_tip_audit": m003,
  "004_tip_entities": m004,
  "005_tip_links": m005,
  "006_sessions": m006,
  "007_inbox": m007,
  "008_outbox": m008,
  "009_notices": m009,
  "010_rate_limits": m010,
  "011_tip_submissions": m011,
  "020_agencies": m020,
  "030_slack": m030,
  "031_whatsapp": m031,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations as Record<string, Migration>,
};
