/**
 * Composition of the Q&A engine: load knowledge/, open (or rebuild) the index under the data directory,
 * and wire the optional LLM. The returned service is what the conversation engine and the CLI use.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from "../knowledge/load.js";
import type { KnowledgeBase } from "../knowledge/types.js";
import type { Progress } from "../retrieval/index-store.js";
import { Retriever } from "../retrieval/retriever.js";
import { MAX_ANSWER_CHARS } from "./compose.js";
import { createChatModel, LlmAnswerer } from "./llm.js";
import { loadPrompts } from "./prompts.js";
import { GroundedQaService } from "./service.js";

export { detectDanger } from "./danger.js";
export { GroundedQaService } from "./service.js";

export interface CreateQaServiceOptions {
  config: Config;
  logger?: Logger;
  knowledgeDir?: string;
  promptsDir?: string;
  /** Overrides the chat model LLM_PROVIDER would create (tests use langchain's fake chat model). */
  chatModel?: BaseChatModel;
  /** Rebuild the index even when one for this knowledge exists. */
  rebuild?: boolean;
  onProgress?: Progress;
}

export interface QaIndexInfo {
  knowledge: KnowledgeBase;
  built: boolean;
  indexDir: string;
  buildMs: number;
}

export type LenteraQa = GroundedQaService & { info: QaIndexInfo };

export async function createQaService(o: CreateQaServiceOptions): Promise<LenteraQa> {
  const started = performance.now();
  const knowledge = await loadKnowledge(o.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  const retriever = await Retriever.open({
    passages: knowledge.passages,
    knowledgeHash: knowledge.hash,
    config: o.config,
    dataDir: o.config.dataDir,
    rebuild: o.rebuild,
    onProgress: o.onProgress,
  });
  const info: QaIndexInfo = { knowledge, built: retriever.built, indexDir: retriever.indexDir, buildMs: Math.round(performance.now() - started) };
  o.logger?.info(
    { docs: knowledge.docs.length, passages: knowledge.passages.length, built: info.built, ms: info.buildMs },
    info.built ? "knowledge index built" : "knowledge index loaded",
  );
  const model = o.chatModel ?? createChatModel(o.config);
  const llm = model && new LlmAnswerer(model, await loadPrompts(o.promptsDir), o.config.LLM_TIMEOUT_MS, MAX_ANSWER_CHARS - 300, o.logger);
  const service = new GroundedQaService({
    retriever,
    defaultLang: o.config.LENTERA_DEFAULT_LANG,
    denseConfidence: o.config.EMBEDDINGS_PROVIDER === "local",
    llm,
    logger: o.logger,
  });
  return Object.assign(service, { info });
}
