// Picks the embeddings implementation from config. OpenAI-compatible embeddings load only when chosen.
import type { Embeddings } from "@langchain/core/embeddings";
import type { AppConfig } from "../../config.js";
import { OPENAI_DEFAULT_MODEL, OPENAI_KNOWN_DIMENSIONS, USE_LITE_ENCODER, type EncoderInfo } from "./encoder-info.js";
import { UseLiteEmbeddings } from "./use-lite.js";

export type { EncoderInfo };

export interface EmbeddingsBundle {
  embeddings: Embeddings;
  encoder: EncoderInfo;
}

export type EmbeddingsConfig = Pick<AppConfig, "EMBEDDINGS_PROVIDER" | "EMBEDDINGS_MODEL" | "EMBEDDINGS_BASE_URL"> &
  Partial<Pick<AppConfig, "LLM_API_KEY">>;

export async function createEmbeddings(config: EmbeddingsConfig): Promise<EmbeddingsBundle> {
  if (config.EMBEDDINGS_PROVIDER === "openai") {
    const { OpenAIEmbeddings } = await import("@langchain/openai");
    const model = config.EMBEDDINGS_MODEL ?? OPENAI_DEFAULT_MODEL;
    const embeddings = new OpenAIEmbeddings({
      model,
      ...(config.LLM_API_KEY ? { apiKey: config.LLM_API_KEY } : {}),
      ...(config.EMBEDDINGS_BASE_URL ? { configuration: { baseURL: config.EMBEDDINGS_BASE_URL } } : {}),
    });
    // Unknown models (e.g. a local OpenAI-compatible server): ask once for the width.
    const dimensions = OPENAI_KNOWN_DIMENSIONS[model] ?? (await embeddings.embedQuery("dimensions")).length;
    return { embeddings, encoder: { provider: "openai", name: model, dimensions } };
  }
  return { embeddings: new UseLiteEmbeddings(), encoder: USE_LITE_ENCODER };
}
