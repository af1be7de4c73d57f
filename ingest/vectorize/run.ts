// The vectorize target of the ingest CLI: credentials from the environment (the names wrangler uses),
// the index from DATA_DIR/index, the output in DATA_DIR/vectorize unless --out says otherwise.
import { join, relative } from "node:path";
import { z } from "zod";
import { DEFAULT_WORKERS_AI_MODEL, VECTORIZE_FILES } from "../../src/retrieval/workers/vectorize-manifest.js";
import { buildVectors } from "./build-vectors.js";
import { CLOUDFLARE_API_BASE_URL, workersAiRest } from "./workers-ai-rest.js";

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const CloudflareEnv = z.object({
  CLOUDFLARE_ACCOUNT_ID: optional,
  CLOUDFLARE_API_TOKEN: optional,
  /** Only tests change this (a local server on 127.0.0.1). */
  CLOUDFLARE_API_BASE_URL: z.string().url().default(CLOUDFLARE_API_BASE_URL),
});

export const VECTORIZE_INDEX_NAME = "sitrep";

export interface VectorizeIngestOptions {
  indexDir: string;
  outDir: string;
  model?: string;
  force?: boolean;
  env: Record<string, string | undefined>;
  stdout: (line: string) => void;
}

export async function runVectorizeIngest(options: VectorizeIngestOptions): Promise<void> {
  const parsed = CloudflareEnv.safeParse(options.env);
  if (!parsed.success) throw new Error(`invalid Cloudflare settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const env = parsed.data;
  if (!env.CLOUDFLARE_ACCOUNT_ID || !env.CLOUDFLARE_API_TOKEN) {
    throw new Error(
      "--target vectorize embeds the chunks with Workers AI's REST API: set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN " +
        "(an API token with the Workers AI permission).",
    );
  }
  const model = options.model ?? DEFAULT_WORKERS_AI_MODEL;
  const runner = workersAiRest({ accountId: env.CLOUDFLARE_ACCOUNT_ID, apiToken: env.CLOUDFLARE_API_TOKEN, baseUrl: env.CLOUDFLARE_API_BASE_URL });
  const result = await buildVectors({ indexDir: options.indexDir, outDir: options.outDir, model, runner, force: options.force });
  const file = relative(process.cwd(), result.vectorsFile) || result.vectorsFile;
  const { name, dimensions } = result.manifest.encoder;
  options.stdout(
    result.status === "up-to-date"
      ? `vectors up to date: ${file} (${result.count} chunks, ${name}; use --force to embed again)`
      : `vectors written: ${file} (${result.count} chunks, ${name}, ${dimensions} dimensions)`,
  );
  options.stdout(`  upload: npx wrangler vectorize upsert ${VECTORIZE_INDEX_NAME} --file ${file}`);
  options.stdout(`  then \`npm run build:worker\` bundles ${join(relative(process.cwd(), options.outDir) || ".", VECTORIZE_FILES.manifest)}`);
}
