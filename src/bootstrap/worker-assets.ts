// The Worker's static assets, as scripts/build-worker-assets.ts writes them and src/worker.ts reads them:
// one JSON bundle with every data file of the index and the LLM prompt templates (one fetch and one
// parse per isolate), and the widget.
import { z } from "zod";
import { AnswerPromptTextsSchema } from "../answer/llm/prompts.js";
import { INDEX_FILES } from "../retrieval/manifest.js";

export const WORKER_ASSET_PATHS = {
  /** WorkerDataBundle. */
  data: "sitrep-data/bundle.json",
  widget: "widget.js",
} as const;

export const WorkerDataBundleSchema = z.object({
  /** package.json's version at build time (reported by /health). */
  version: z.string(),
  /** Every data file of the index folder by name: JSON files parsed, any other file as text. */
  files: z.record(z.string(), z.unknown()),
  /** vectorize.json, when `npm run ingest -- --target vectorize` wrote one. */
  vectorize: z.unknown().optional(),
  /** The migration files the Worker's D1 must have applied (checked once per isolate). */
  migrations: z.array(z.string()),
  /** The answer prompt templates, copied from prompts/ (the Worker has no file system to read them from). */
  prompts: AnswerPromptTextsSchema,
});
export type WorkerDataBundle = z.infer<typeof WorkerDataBundleSchema>;

/** The index files a manifest lists, read generically: `files` as names, as {name|path|file} objects, or as a map keyed by name. */
function listedFiles(manifest: unknown): string[] | null {
  const files = manifest && typeof manifest === "object" ? (manifest as { files?: unknown }).files : undefined;
  if (Array.isArray(files)) {
    return files
      .map((f: unknown) => {
        if (typeof f === "string") return f;
        const entry = f && typeof f === "object" ? (f as Record<string, unknown>) : {};
        return [entry.name, entry.path, entry.file].find((v): v is string => typeof v === "string");
      })
      .filter((f): f is string => f !== undefined);
  }
  if (files && typeof files === "object") return Object.keys(files);
  return null;
}

/**
 * The data files of an index folder the Worker takes: those its manifest lists, or, for a manifest that
 * lists none, every top-level file of the folder. Never the vector store (hnswlib/: native, Node only).
 */
export function workerIndexFiles(manifest: unknown, folderFiles: readonly string[]): string[] {
  const names = listedFiles(manifest) ?? [...folderFiles];
  const usable = names.filter((name) => {
    const parts = name.split("/");
    return !name.startsWith("/") && !parts.includes("..") && parts[0] !== INDEX_FILES.vectors;
  });
  return [...new Set([INDEX_FILES.manifest, ...usable])].sort();
}
