/**
 * All configuration, parsed once from the environment with zod.
 * Every variable is documented in .env.example; a bad value stops start-up with a clear message.
 */
import path from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const optionalUrl = optionalString.pipe(z.url().optional());
const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const csvList = optionalString.transform((v) =>
  v ? v.split(",").map((s) => s.trim()).filter(Boolean) : [],
);

export const configSchema = z
  .object({
    LENTERA_DATA_DIR: z.string().default("./data"),
    LENTERA_DATA_KEY: optionalString,
    DATABASE_URL: optionalString.pipe(
      z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres://").optional(),
    ),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LENTERA_DEFAULT_LANG: z.enum(["id", "en"]).default("id"),
    LENTERA_HTTP_HOST: z.string().default("127.0.0.1"),
    LENTERA_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    LENTERA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
    LENTERA_RETENTION_DAYS: z.coerce.number().int().positive().default(180),
    LENTERA_TARGET_DANGER_MINUTES: minutes(15),
    LENTERA_TARGET_MISSING_MINUTES: minutes(24 * 60),
    LENTERA_TARGET_RECRUITER_MINUTES: minutes(72 * 60),
    LENTERA_TARGET_OTHER_MINUTES: minutes(72 * 60),
    LENTERA_OVERDUE_SWEEP_SECONDS: z.coerce.number().int().positive().default(60),

    EMBEDDINGS_PROVIDER: z.enum(["local", "openai", "ollama"]).default("local"),
    EMBEDDINGS_MODEL: optionalString,
    LLM_PROVIDER: z.enum(["none", "openai", "ollama"]).default("none"),
    LLM_MODEL: optionalString,
    LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    OPENAI_BASE_URL: optionalUrl,
    OPENAI_API_KEY: optionalString,
    OLLAMA_BASE_URL: optionalUrl,

    TELEGRAM_BOT_TOKEN: optionalString,
    TELEGRAM_WEBHOOK_URL: optionalUrl,
    TELEGRAM_WEBHOOK_SECRET: optionalString,
    TELEGRAM_API_ROOT: optionalUrl,

    SLACK_BOT_TOKEN: optionalString,
    SLACK_APP_TOKEN: optionalString,
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_API_URL: optionalUrl,
    SLACK_TRIAGE_CHANNEL: optionalString,
    SLACK_URGENT_CHANNEL: optionalString,
    SLACK_URGENT_MENTION: optionalString,
    SLACK_OFFICER_USERGROUP: optionalString,
    SLACK_OFFICER_IDS: csvList,

    WHATSAPP_TOKEN: optionalString,
    WHATSAPP_PHONE_NUMBER_ID: optionalString,
    WHATSAPP_APP_SECRET: optionalString,
    WHATSAPP_VERIFY_TOKEN: optionalString,
    WHATSAPP_GRAPH_URL: optionalUrl,
    WHATSAPP_TEMPLATE_NAME: optionalString,
    WHATSAPP_TEMPLATE_LANG: z.string().default("id"),
  })
  .superRefine((c, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: "custom", message });
    // Webhooks must fail closed: grammY and most SDKs accept everything when no secret is set.
    if (c.TELEGRAM_WEBHOOK_URL && (!c.TELEGRAM_WEBHOOK_SECRET || !/^[A-Za-z0-9_-]{32,256}$/.test(c.TELEGRAM_WEBHOOK_SECRET)))
      fail("TELEGRAM_WEBHOOK_URL needs TELEGRAM_WEBHOOK_SECRET (32-256 characters of A-Z a-z 0-9 _ -)");
    if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET)
      fail("SLACK_BOT_TOKEN needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)");
    if (c.SLACK_BOT_TOKEN && !c.SLACK_TRIAGE_CHANNEL) fail("SLACK_BOT_TOKEN needs SLACK_TRIAGE_CHANNEL");
    const wa = [c.WHATSAPP_TOKEN, c.WHATSAPP_PHONE_NUMBER_ID, c.WHATSAPP_APP_SECRET, c.WHATSAPP_VERIFY_TOKEN];
    if (wa.some(Boolean) && !wa.every(Boolean))
      fail("WhatsApp needs all of WHATSAPP_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN");
    if (c.LLM_PROVIDER !== "none" && !c.LLM_MODEL) fail("LLM_PROVIDER needs LLM_MODEL");
    if ((c.LLM_PROVIDER === "openai" || c.EMBEDDINGS_PROVIDER === "openai") && !c.OPENAI_BASE_URL && !c.OPENAI_API_KEY)
      fail("the openai provider needs OPENAI_BASE_URL or OPENAI_API_KEY");
    if (c.EMBEDDINGS_PROVIDER !== "local" && !c.EMBEDDINGS_MODEL) fail("EMBEDDINGS_PROVIDER needs EMBEDDINGS_MODEL");
  })
  .transform((c) => ({
    ...c,
    dataDir: path.resolve(c.LENTERA_DATA_DIR),
    telegramEnabled: Boolean(c.TELEGRAM_BOT_TOKEN),
    slackEnabled: Boolean(c.SLACK_BOT_TOKEN),
    whatsappEnabled: Boolean(c.WHATSAPP_TOKEN),
  }));

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".") || "config"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
