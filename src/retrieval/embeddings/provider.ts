// Picks the embeddings implementation from config. OpenAI-compatible embeddings load only when chosen.
import type { Embeddings } from "@langchain/core/embeddings";
import type { AppConfig } from "../../config.js";
import { UseLiteEmbeddings, USE_LITE_ENCODER } from "./use-lite.js";

/** Identifies the encoder an index was built with; recorded in manifest.json. */
export interface EncoderInfo {
  provider: string;
  name: string;
  dimensions: number;
}

export interface EmbeddingsBundle {
  embeddings: Embeddings;
  encoder: EncoderInfo;
}

export type EmbeddingsConfig = Pick<AppConfig, "EMBEDDINGS_PROVIDER" | "EMBEDDINGS_MODEL" | "EMBEDDINGS_BASE_URL"> &
  Partial<Pick<AppConfig, "LLM_API_KEY">>;

const OPENAI_DEFAULT_MODEL = "text-embedding-3-small";
const OPENAI_KNOWN_DIMENSIONS: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

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
