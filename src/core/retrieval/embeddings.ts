/**
 * Which embedding model the index uses: the local weight-free HashEmbeddings by default, or an
 * OpenAI-compatible endpoint / Ollama through their langchain integrations when EMBEDDINGS_PROVIDER says so.
 */
import type { Embeddings } from "@langchain/core/embeddings";
import { OllamaEmbeddings } from "@langchain/ollama";
import { OpenAIEmbeddings } from "@langchain/openai";
import type { Config } from "../../config.js";

export type EmbeddingsConfig = Pick<
  Config,
  "EMBEDDINGS_PROVIDER" | "EMBEDDINGS_MODEL" | "OPENAI_BASE_URL" | "OPENAI_API_KEY" | "OLLAMA_BASE_URL"
>;

/** Names the model in the index key, so switching provider or model rebuilds the index. */
export function embeddingsLabel(config: EmbeddingsConfig): string {
  return config.EMBEDDINGS_PROVIDER === "local" ? "local:hash" : `${config.EMBEDDINGS_PROVIDER}:${config.EMBEDDINGS_MODEL}`;
}

/** The remote model, or undefined for the local default (whose fitted state lives with the index). */
export function remoteEmbeddings(config: EmbeddingsConfig): Embeddings | undefined {
  switch (config.EMBEDDINGS_PROVIDER) {
    case "local":
      return undefined;
    case "openai":
      return new OpenAIEmbeddings({
        model: config.EMBEDDINGS_MODEL,
        // Local OpenAI-compatible servers need no key, but the client refuses to start without one.
        apiKey: config.OPENAI_API_KEY ?? "unused",
        configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : undefined,
        maxRetries: 2,
      });
    case "ollama":
      return new OllamaEmbeddings({ model: config.EMBEDDINGS_MODEL, baseUrl: config.OLLAMA_BASE_URL });
  }
}
