// Copies the index data (manifest, report, chunks, lexical JSON) and the widget bundle into the
// Worker's static-assets folder (wrangler.toml [assets], default dist/worker-assets). The Worker
// fetches them through env.ASSETS; with run_worker_first they are never served to clients directly.
// Usage: npx tsx scripts/build-worker-assets.ts [--index data/index] [--out dist/worker-assets] [--widget dist/widget.js]
import { copyFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createWorkerSitrep, WORKER_ASSET_FILES } from "../src/bootstrap/worker.js";
import { INDEX_FILES } from "../src/retrieval/manifest.js";

/** The index files the Worker needs (everything but the Node-only vector store). */
const DATA_KEYS = ["manifest", "report", "chunks", "lexical", "glossary", "lexicon", "figures"] as const;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface WorkerAssetsOptions {
  indexDir: string;
  /** Reported by /health; defaults to package.json's version. */
  version?: string;
  outDir: string;
  /** The built widget bundle; skipped (with a note) when missing. */
  widgetFile?: string;
}

export interface WorkerAssetsResult {
  files: string[];
  widget: boolean;
}

const packageVersion = async () => (JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const exists = (path: string) => stat(path).then(() => true, () => false);

export async function buildWorkerAssets(options: WorkerAssetsOptions): Promise<WorkerAssetsResult> {
  const indexDir = resolve(options.indexDir);
  if (!(await exists(join(indexDir, INDEX_FILES.manifest)))) {
    throw new Error(`No index at ${indexDir}. Build it first with \`npm run ingest\`.`);
  }
  const read = async (name: string) => JSON.parse(await readFile(join(indexDir, name), "utf8")) as unknown;
  const data = Object.fromEntries(await Promise.all(DATA_KEYS.map(async (key) => [key, await read(INDEX_FILES[key])] as const))) as Record<(typeof DATA_KEYS)[number], unknown>;
  createWorkerSitrep({}, data); // validates with the same schemas the Worker uses; throws on bad data

  const outDir = resolve(options.outDir);
  await rm(outDir, { recursive: true, force: true });
  const files: string[] = [];
  for (const key of DATA_KEYS) {
    const target = join(outDir, WORKER_ASSET_FILES[key]);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, JSON.stringify(data[key])); // compact: smaller assets, faster parse
    files.push(target);
  }
  const build = join(outDir, WORKER_ASSET_FILES.build);
  await writeFile(build, JSON.stringify({ version: options.version ?? (await packageVersion()) }));
  files.push(build);
  const widget = options.widgetFile !== undefined && (await exists(options.widgetFile));
  if (widget) {
    const target = join(outDir, WORKER_ASSET_FILES.widget);
    await copyFile(options.widgetFile!, target);
    files.push(target);
  }
  return { files, widget };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      index: { type: "string", default: join(process.env.DATA_DIR ?? "data", "index") },
      out: { type: "string", default: "dist/worker-assets" },
      widget: { type: "string", default: "dist/widget.js" },
    },
  });
  const result = await buildWorkerAssets({
    indexDir: resolve(ROOT, values.index!),
    outDir: resolve(ROOT, values.out!),
    widgetFile: resolve(ROOT, values.widget!),
  });
  for (const file of result.files) console.log(`  ${relative(ROOT, file)} (${(await stat(file)).size} bytes)`);
  if (!result.widget) console.log("  (no widget bundle: run `npm run build` first to serve /widget.js from the Worker)");
  console.log(`worker assets written to ${relative(ROOT, resolve(ROOT, values.out!))}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(`build-worker-assets failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
