// What identifies an encoder (recorded in manifest.json), known without loading any model, so that
// "is the index up to date?" and start-up checks stay cheap.
export interface EncoderInfo {
  provider: string;
  name: string;
  dimensions: number;
}

export const USE_LITE_ENCODER: EncoderInfo = {
  provider: "use-lite",
  name: "universal-sentence-encoder-lite",
  dimensions: 512,
};

export const OPENAI_DEFAULT_MODEL = "text-embedding-3-small";
export const OPENAI_KNOWN_DIMENSIONS: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

/** The configured encoder when it can be named without a model call; null for an OpenAI model of unknown width. */
export function knownEncoder(config: { EMBEDDINGS_PROVIDER: "use-lite" | "openai"; EMBEDDINGS_MODEL?: string | undefined }): EncoderInfo | null {
  if (config.EMBEDDINGS_PROVIDER === "use-lite") return USE_LITE_ENCODER;
  const model = config.EMBEDDINGS_MODEL ?? OPENAI_DEFAULT_MODEL;
  const dimensions = OPENAI_KNOWN_DIMENSIONS[model];
  return dimensions === undefined ? null : { provider: "openai", name: model, dimensions };
}
