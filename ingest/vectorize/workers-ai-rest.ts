// Workers AI over its REST API (POST {base}/accounts/{account}/ai/run/{model}), shaped like the AI
// binding's run(), so ingest embeds with the same LangChain class and model the Worker queries with.
import { z } from "zod";
import type { EmbeddingRunner } from "../../src/retrieval/workers/vectorize-store.js";

export const CLOUDFLARE_API_BASE_URL = "https://api.cloudflare.com/client/v4";

export interface WorkersAiRestOptions {
  accountId: string;
  apiToken: string;
  /** Defaults to Cloudflare's API; tests point it at a local server. */
  baseUrl?: string;
  timeoutMs?: number;
}

const Envelope = z.object({
  success: z.boolean(),
  result: z.unknown().optional(),
  errors: z.array(z.object({ code: z.number().optional(), message: z.string() })).default([]),
});

/** A failed call; `status` lets LangChain's AsyncCaller skip retrying 4xx answers (bad token, bad model). */
export class WorkersAiRestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "WorkersAiRestError";
  }
}

/** Workers AI model names are paths ("@cf/baai/bge-base-en-v1.5"); they go into the URL as they are, as in Cloudflare's docs. */
const MODEL_NAME = /^@?[\w.-]+(\/[\w.-]+)+$/;

export function workersAiRest(options: WorkersAiRestOptions): EmbeddingRunner {
  const base = (options.baseUrl ?? CLOUDFLARE_API_BASE_URL).replace(/\/+$/, "");
  return {
    async run(model, inputs) {
      if (!MODEL_NAME.test(model)) throw new WorkersAiRestError(400, `"${model}" is not a Workers AI model name (like @cf/baai/bge-base-en-v1.5)`);
      const url = `${base}/accounts/${encodeURIComponent(options.accountId)}/ai/run/${model}`;
      const res = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${options.apiToken}`, "content-type": "application/json" },
        body: JSON.stringify(inputs),
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
      const parsed = Envelope.safeParse(await res.json().catch(() => null));
      if (!res.ok || !parsed.success || !parsed.data.success) {
        const why = parsed.success ? parsed.data.errors.map((e) => e.message).join("; ") : "the response is not a Cloudflare API envelope";
        throw new WorkersAiRestError(res.status, `Workers AI ${model} answered ${res.status}: ${why || res.statusText}`);
      }
      return parsed.data.result;
    },
  };
}
