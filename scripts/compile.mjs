// Compiles the Node entry points to JavaScript bundles in dist/node with esbuild (what `npm start` and
// `npm run ingest` run), and the widget to dist/widget.js. `npm ci` runs it (the `prepare` script);
// scripts/run-compiled.mjs runs it again only when a source file changed since the last build.
//
// Bundled, because loading hundreds of small ES modules is most of a cold start: one bundle per entry
// (shared code split into chunks) starts in about half the time. Native addons, packages that load
// files next to their own code (the encoder's weights and wasm), piscina (which starts its own
// worker file) and the tagger's model (3 MB of JSON: Node reads it with JSON.parse, several times
// faster than compiling it as a bundled object literal, on every answer thread's start) stay external. `import.meta.dirname` is replaced by each source file's own folder, so
// code that finds prompts/ or migrations/ relative to itself still does.
// Plain JavaScript so that it runs with bare node, before and without tsx.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = join(ROOT, "dist", "node");
const STAMP = join(OUT_DIR, "build-stamp.json");

/** Bundle name -> source. Worker files are found by name next to the code that starts them. */
export const ENTRIES = {
  server: "src/server.ts",
  ingest: "ingest/cli.ts",
  "answer-worker": "src/serving/answer-worker.ts",
  "embed-worker": "src/retrieval/embeddings/embed-worker.ts",
  "build-widget": "scripts/build-widget.ts",
};
const SOURCE_DIRS = ["src", "ingest", "scripts"];
/** Dependencies are bundled too: a changed lock file means a rebuild. */
const SOURCE_FILES = ["package-lock.json", "tsconfig.json"];
const EXTERNAL = ["hnswlib-node", "better-sqlite3", "@energetic-ai/*", "piscina", "pino", "esbuild", "wink-eng-lite-web-model"];

async function sourceFiles() {
  const files = [...SOURCE_FILES];
  for (const dir of SOURCE_DIRS) {
    for (const entry of await readdir(join(ROOT, dir), { recursive: true })) {
      // .json too: the glossary's data files (ingest/glossary/*.json) are imported, so bundled.
      if (/\.(?:ts|mjs|json)$/.test(entry)) files.push(join(dir, entry));
    }
  }
  return files.sort();
}

/** A cheap fingerprint of the sources (path, size, mtime): changes whenever a file is edited, added or removed. */
export async function sourcesStamp() {
  const hash = createHash("sha256");
  const files = await sourceFiles();
  // All at once: one after another, a few hundred stats are most of a start-up's first 50 ms.
  const stats = await Promise.all(files.map((file) => stat(join(ROOT, file)).catch(() => null)));
  files.forEach((file, i) => hash.update(`${file}\0${stats[i]?.size}\0${stats[i]?.mtimeMs}\n`));
  return hash.digest("hex");
}

export async function isStale() {
  try {
    const built = JSON.parse(await readFile(STAMP, "utf8"));
    return built.sources !== (await sourcesStamp());
  } catch {
    return true;
  }
}

const sourceDirname = {
  name: "source-dirname",
  setup(build) {
    const ours = new RegExp(`^${ROOT.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(${SOURCE_DIRS.join("|")})/.*\\.ts$`);
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!ours.test(args.path)) return undefined;
      const text = await readFile(args.path, "utf8");
      return { contents: text.replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path))), loader: "ts" };
    });
  },
};

export async function compile({ quiet = false } = {}) {
  const started = performance.now();
  const { build } = await import("esbuild");
  const stamp = await sourcesStamp();
  await rm(OUT_DIR, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(ROOT, file)])),
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "linked",
    external: EXTERNAL,
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __sitrepCreateRequire } from 'node:module'; const require = __sitrepCreateRequire(import.meta.url);" },
    plugins: [sourceDirname],
    logLevel: "warning",
  });
  const { buildWidgetBundle, WIDGET_OUTFILE } = await import(pathToFileURL(join(OUT_DIR, "build-widget.js")).href);
  const widget = await buildWidgetBundle();
  await mkdir(dirname(WIDGET_OUTFILE), { recursive: true });
  await writeFile(WIDGET_OUTFILE, widget);
  await writeFile(STAMP, JSON.stringify({ sources: stamp, builtAt: new Date().toISOString() }) + "\n");
  if (!quiet) {
    const ms = Math.round(performance.now() - started);
    console.error(`compiled ${Object.keys(ENTRIES).join(", ")} to ${relative(ROOT, OUT_DIR)} and the widget to ${relative(ROOT, WIDGET_OUTFILE)} in ${ms} ms`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  compile().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
