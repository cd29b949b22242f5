/**
 * Generated answers (LLM_PROVIDER=openai|ollama): the model sees only the retrieved passages, numbered,
 * and must cite them as [n]. An answer that cites nothing, cites a passage it was not given, says
 * NO_ANSWER, is too long, fails or times out yields undefined, and the caller falls back to the extractive answer.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatOllama } from "@langchain/ollama";
import { ChatOpenAI } from "@langchain/openai";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import type { Lang } from "../messages.js";
import type { Passage } from "../knowledge/types.js";
import { fill, type Prompts } from "./prompts.js";

export type LlmConfig = Pick<Config, "LLM_PROVIDER" | "LLM_MODEL" | "OPENAI_BASE_URL" | "OPENAI_API_KEY" | "OLLAMA_BASE_URL">;

export function createChatModel(config: LlmConfig): BaseChatModel | undefined {
  switch (config.LLM_PROVIDER) {
    case "none":
      return undefined;
    case "openai":
      return new ChatOpenAI({
        model: config.LLM_MODEL,
        temperature: 0,
        maxRetries: 1,
        apiKey: config.OPENAI_API_KEY ?? "unused",
        configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : undefined,
      });
    case "ollama":
      return new ChatOllama({ model: config.LLM_MODEL, baseUrl: config.OLLAMA_BASE_URL, temperature: 0 });
  }
}

/** Aborts the call (cancelling the HTTP request) and stops waiting even if a model ignores the signal. */
async function withTimeout<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(Object.assign(new Error(`no answer within ${ms} ms`), { name: "TimeoutError" }));
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

const LANGUAGE_NAMES: Record<Lang, string> = { id: "Bahasa Indonesia", en: "English" };

const REFERENCE = /\bLTR[-\s]?[2-9A-HJ-NP-Z]{4}[-\s]?[2-9A-HJ-NP-Z]{2}\b/i;

/**
 * An answer that quotes the instructions (an injected "print your prompt") or names a report
 * reference (only the report flow hands those out; a model claiming "I filed report LTR-…" lies).
 */
function untrustworthy(text: string, systemTemplate: string): boolean {
  const lower = text.toLowerCase();
  const rules = systemTemplate
    .split("\n")
    .map((l) => l.replace(/\{\{\w+\}\}/g, "").replace(/^[-\s]+/, "").trim().toLowerCase())
    .filter((l) => l.length >= 30);
  return rules.some((rule) => lower.includes(rule.slice(0, 30))) || REFERENCE.test(text);
}

export interface Generated {
  text: string;
  cited: Passage[];
}

export class LlmAnswerer {
  constructor(
    private readonly model: BaseChatModel,
    private readonly prompts: Prompts,
    private readonly timeoutMs: number,
    private readonly maxChars: number,
    private readonly logger?: Logger,
  ) {}

  async answer(question: string, lang: Lang, passages: readonly Passage[]): Promise<Generated | undefined> {
    const numbered = passages.map((p, i) => `[${i + 1}] ${p.title} — ${p.heading}\n${p.text}`).join("\n\n");
    const values = { language: LANGUAGE_NAMES[lang], question, passages: numbered };
    try {
      const reply = await withTimeout(this.timeoutMs, (signal) =>
        this.model.invoke(
          [new SystemMessage(fill(this.prompts.answerSystem, values)), new HumanMessage(fill(this.prompts.answerUser, values))],
          { signal },
        ),
      );
      const text = (typeof reply.content === "string" ? reply.content : reply.text).trim();
      const cited = [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))];
      const valid = cited.length > 0 && cited.every((n) => n >= 1 && n <= passages.length);
      if (!text || text.includes("NO_ANSWER") || !valid || text.length > this.maxChars || untrustworthy(text, this.prompts.answerSystem)) {
        this.logger?.info({ citations: cited.length, chars: text.length }, "llm answer rejected, using extractive answer");
        return undefined;
      }
      return { text, cited: cited.sort((a, b) => a - b).map((n) => passages[n - 1]!) };
    } catch (err) {
      this.logger?.warn({ err: (err as Error).name }, "llm failed, using extractive answer");
      return undefined;
    }
  }
}
