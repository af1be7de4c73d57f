// Writes the Worker's static-assets folder (wrangler.toml [assets], default dist/worker-assets): one data
// bundle with every data file of the index (src/bootstrap/worker-assets.ts says which), vectorize.json
// when there is one, the names of the D1 migrations, the LLM prompt templates of prompts/, and the widget
// bundle. The Worker fetches them through env.ASSETS; with run_worker_first they are never served to
// clients directly.
// Usage: npx tsx scripts/build-worker-assets.ts [--index data/index] [--vectorize data/vectorize] [--out dist/worker-assets] [--widget dist/widget.js]
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { readAnswerPromptTexts } from "../src/answer/llm/prompt-files.js";
import { WORKER_ASSET_PATHS, workerIndexFiles, type WorkerDataBundle } from "../src/bootstrap/worker-assets.js";
import { IndexInvalidError, rawIndexData, validateIndexData } from "../src/retrieval/index-data.js";
import { INDEX_FILES } from "../src/retrieval/manifest.js";
import { VECTORIZE_FILES, VectorizeManifestSchema, vectorizeMismatch } from "../src/retrieval/workers/vectorize-manifest.js";
import { MIGRATIONS_DIR, readMigrations } from "../src/stores/sqlite.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface WorkerAssetsOptions {
  indexDir: string;
  outDir: string;
  /** Folder of `npm run ingest -- --target vectorize` output; its vectorize.json is bundled when present. */
  vectorizeDir?: string;
  /** Reported by /health; defaults to package.json's version. */
  version?: string;
  /** The built widget bundle; skipped (with a note) when missing. */
  widgetFile?: string;
  migrationsDir?: string;
  /** The prompt templates; defaults to prompts/. */
  promptsDir?: string;
}

export interface WorkerAssetsResult {
  files: string[];
  /** The index files bundled, by name. */
  indexFiles: string[];
  vectorize: boolean;
  /** Why a vectorize.json was found but not bundled. */
  vectorizeNote?: string;
  widget: boolean;
}

const packageVersion = async () => (JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const exists = (path: string) => stat(path).then(() => true, () => false);

async function topLevelFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
}

async function readDataFile(path: string, name: string): Promise<unknown> {
  const text = await readFile(path, "utf8").catch((err: unknown) => {
    throw new IndexInvalidError(`The manifest lists ${name}, but ${path} cannot be read (${(err as Error).message}). Rebuild it with \`npm run ingest -- --force\`.`);
  });
  return name.endsWith(".json") ? (JSON.parse(text) as unknown) : text;
}

/** vectorize.json when it belongs to this index; a stale one is left out (its vectors would answer for other chunks), with a note why. */
async function readVectorize(vectorizeDir: string | undefined, manifest: ReturnType<typeof validateIndexData>["manifest"]): Promise<{ vectorize?: unknown; note?: string }> {
  if (!vectorizeDir) return {};
  const path = join(vectorizeDir, VECTORIZE_FILES.manifest);
  if (!(await exists(path))) return {};
  const parsed = VectorizeManifestSchema.safeParse(JSON.parse(await readFile(path, "utf8")));
  if (!parsed.success) return { note: `${path} is invalid and was left out: run \`npm run ingest -- --target vectorize --force\`` };
  const mismatch = vectorizeMismatch(parsed.data, manifest);
  if (mismatch) return { note: `${path} was left out: ${mismatch}. Run \`npm run ingest -- --target vectorize\` and upload the vectors again` };
  return { vectorize: parsed.data };
}

export async function buildWorkerAssets(options: WorkerAssetsOptions): Promise<WorkerAssetsResult> {
  const indexDir = resolve(options.indexDir);
  if (!(await exists(join(indexDir, INDEX_FILES.manifest)))) {
    throw new Error(`No index at ${indexDir}. Build it first with \`npm run ingest\`.`);
  }
  const manifestJson = JSON.parse(await readFile(join(indexDir, INDEX_FILES.manifest), "utf8")) as unknown;
  const indexFiles = workerIndexFiles(manifestJson, await topLevelFiles(indexDir));
  const files: Record<string, unknown> = {};
  for (const name of indexFiles) files[name] = await readDataFile(join(indexDir, name), name);
  // The same checks the Worker makes at start-up: a bad index fails here, not in production.
  const index = validateIndexData(
    rawIndexData((name) => files[name]),
    (name) => join(indexDir, name),
    "Rebuild it with `npm run ingest -- --force`.",
  );
  const { vectorize, note } = await readVectorize(options.vectorizeDir && resolve(options.vectorizeDir), index.manifest);
  const bundle: WorkerDataBundle = {
    version: options.version ?? (await packageVersion()),
    files,
    ...(vectorize !== undefined ? { vectorize } : {}),
    migrations: readMigrations(options.migrationsDir ?? MIGRATIONS_DIR).map((m) => m.name).sort(),
    prompts: readAnswerPromptTexts(options.promptsDir),
  };

  const outDir = resolve(options.outDir);
  await rm(outDir, { recursive: true, force: true });
  const written: string[] = [];
  const data = join(outDir, WORKER_ASSET_PATHS.data);
  await mkdir(dirname(data), { recursive: true });
  await writeFile(data, JSON.stringify(bundle)); // compact: smaller assets, faster parse
  written.push(data);
  const widget = options.widgetFile !== undefined && (await exists(options.widgetFile));
  if (widget) {
    const target = join(outDir, WORKER_ASSET_PATHS.widget);
    await copyFile(options.widgetFile!, target);
    written.push(target);
  }
  return { files: written, indexFiles, vectorize: vectorize !== undefined, ...(note ? { vectorizeNote: note } : {}), widget };
}

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR ?? "data";
  const { values } = parseArgs({
    options: {
      index: { type: "string", default: join(dataDir, "index") },
      vectorize: { type: "string", default: join(dataDir, "vectorize") },
      out: { type: "string", default: "dist/worker-assets" },
      widget: { type: "string", default: "dist/widget.js" },
    },
  });
  const result = await buildWorkerAssets({
    indexDir: resolve(ROOT, values.index!),
    vectorizeDir: resolve(ROOT, values.vectorize!),
    outDir: resolve(ROOT, values.out!),
    widgetFile: resolve(ROOT, values.widget!),
  });
  for (const file of result.files) console.log(`  ${relative(ROOT, file)} (${(await stat(file)).size} bytes)`);
  console.log(`  index files: ${result.indexFiles.join(", ")}`);
  if (result.vectorizeNote) console.warn(`  warning: ${result.vectorizeNote}`);
  console.log(result.vectorize ? "  vectorize.json bundled: the Worker uses dense retrieval when AI and VECTORIZE are bound" : "  no vectorize.json: the Worker retrieves lexically (see the README, Deploy)");
  if (!result.widget) console.log("  (no widget bundle: run `npm run build` first to serve /widget.js from the Worker)");
  console.log(`worker assets written to ${relative(ROOT, resolve(ROOT, values.out!))}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(`build-worker-assets failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
