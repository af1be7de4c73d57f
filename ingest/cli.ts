// `npm run ingest [-- --input FILE --out DIR --force]`: seed text -> index folder. runIngest() runs it in-process.
// `--target vectorize [--model M]` then embeds the index's chunks with Workers AI for a Vectorize index.
// An unchanged seed is answered from the manifest alone: the parser, the encoder and the vector store
// are imported only when there is something to build.
import { realpathSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { loadConfig, type AppConfig } from "../src/config.js";
import { knownEncoder } from "../src/retrieval/embeddings/encoder-info.js";
import type { EmbeddingsBundle } from "../src/retrieval/embeddings/provider.js";
import { OutputDirError } from "./atomic-dir.js";
import type { BuildSummary } from "./build-index.js";
import { ReportParseError } from "./parse/errors.js";
import { checkSeed, InputFileError } from "./up-to-date.js";

export const DEFAULT_INPUT = "seeds/S-2017-478.txt";

export type IngestTarget = "index" | "vectorize";

export interface IngestOptions {
  input?: string;
  /** The index folder; with target "vectorize", the folder for the vectors (default DATA_DIR/vectorize). */
  out?: string;
  force?: boolean;
  /** "index" (default) builds the index; "vectorize" builds it if needed, then the Workers AI vectors. */
  target?: IngestTarget;
  /** Workers AI embedding model for target "vectorize". */
  model?: string;
  /** Environment for DATA_DIR / EMBEDDINGS_*; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Reuse an already created encoder (tests). Otherwise the configured one, on every core for the local encoder. */
  embeddings?: EmbeddingsBundle;
  stdout?: (line: string) => void;
  stderr?: (text: string) => void;
  /** Show embedding progress on stderr (default: when stderr is a TTY). */
  progress?: boolean;
}

export interface IngestResult {
  exitCode: number;
  summary?: BuildSummary;
  /** The user-facing error message when exitCode is not 0. */
  error?: string;
}

export async function runIngest(options: IngestOptions = {}): Promise<IngestResult> {
  const out = options.stdout ?? ((line: string) => process.stdout.write(line + "\n"));
  const err = options.stderr ?? ((text: string) => process.stderr.write(text));
  const fail = (message: string): IngestResult => {
    err(`ingest failed: ${message}\n`);
    return { exitCode: 1, error: message };
  };
  try {
    const env = options.env ?? process.env;
    const config = loadConfig(env);
    const input = options.input ?? DEFAULT_INPUT;
    const vectorize = options.target === "vectorize";
    const outDir = vectorize ? join(config.DATA_DIR, "index") : (options.out ?? join(config.DATA_DIR, "index"));
    // With --target vectorize, --force re-embeds the vectors; the index is rebuilt only when stale.
    const indexOptions = { ...options, force: vectorize ? false : options.force };
    const summary = (await alreadyBuilt(config, input, outDir, indexOptions)) ?? (await build(config, input, outDir, indexOptions, err));
    for (const w of summary.warnings) out(`warning: ${w.message}`);
    if (summary.status === "up-to-date") {
      out(`index up to date: ${summary.outDir} (same seed, ingest code, encoder and format; use --force to rebuild)`);
    } else {
      out(
        `index built: ${summary.outDir}\n` +
          `  ${summary.paragraphs} paragraphs, ${summary.indicators} Annex I indicators, ` +
          `${summary.countries} Annex II countries, ${summary.chunks} chunks, ${summary.warnings.length} data warnings`,
      );
    }
    if (vectorize) {
      const { runVectorizeIngest } = await import("./vectorize/run.js");
      await runVectorizeIngest({ indexDir: summary.outDir, outDir: options.out ?? join(config.DATA_DIR, "vectorize"), model: options.model, force: options.force, env, stdout: out });
    }
    out(`done in ${summary.seconds.toFixed(2)} s`);
    return { exitCode: 0, summary };
  } catch (e) {
    return fail(describeError(e));
  }
}

/** The index's summary when it is up to date, from the manifest alone (nothing heavy is loaded). */
async function alreadyBuilt(config: AppConfig, input: string, outDir: string, options: IngestOptions): Promise<BuildSummary | null> {
  const started = performance.now();
  const encoder = options.embeddings?.encoder ?? knownEncoder(config);
  if (options.force || !encoder) return null;
  const { current } = await checkSeed(input, resolve(outDir), encoder);
  return current && { status: "up-to-date", outDir: resolve(outDir), ...current, seconds: (performance.now() - started) / 1000 };
}

async function build(config: AppConfig, input: string, outDir: string, options: IngestOptions, err: (text: string) => void): Promise<BuildSummary> {
  // The encoder threads start before the builder's code is even loaded: they load the model meanwhile.
  const builder = import("./build-index.js");
  builder.catch(() => {}); // awaited below
  const { createEmbeddings } = await import("../src/retrieval/embeddings/provider.js");
  const showProgress = options.progress ?? Boolean(process.stderr.isTTY);
  let embeddings = options.embeddings;
  let close = async () => {};
  if (!embeddings) {
    const configured = await createEmbeddings(config);
    embeddings = configured;
    // The local encoder is CPU-bound: one copy per core embeds the chunks in parallel.
    const threads = availableParallelism();
    if (config.EMBEDDINGS_PROVIDER === "use-lite" && threads > 1) {
      const { PooledEmbeddings } = await import("../src/retrieval/embeddings/pooled.js");
      const pooled = new PooledEmbeddings({ config, threads });
      embeddings = { embeddings: pooled, encoder: configured.encoder };
      close = () => pooled.close();
    }
  }
  try {
    const { buildIndex } = await builder;
    return await buildIndex({
      input,
      out: outDir,
      force: options.force,
      embeddings,
      onProgress: showProgress ? (done, total) => err(`\r  embedding chunks ${done}/${total}${done === total ? "\n" : ""}`) : undefined,
    });
  } finally {
    await close();
  }
}

export function describeError(e: unknown): string {
  if (e instanceof ReportParseError) return `cannot parse the report (${e.code}): ${e.message}`;
  if (e instanceof InputFileError || e instanceof OutputDirError) return e.message;
  if (e instanceof ZodError) {
    const issues = e.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    return `the parsed report does not match the schema:\n  ${issues.join("\n  ")}`;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

export function parseIngestArgs(argv: string[]): Pick<IngestOptions, "input" | "out" | "force" | "target" | "model"> {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: "string", short: "i" },
      out: { type: "string", short: "o" },
      force: { type: "boolean", short: "f", default: false },
      target: { type: "string", default: "index" },
      model: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.target !== "index" && values.target !== "vectorize") throw new Error(`--target must be "index" or "vectorize", not "${values.target}"`);
  if (values.model !== undefined && values.target !== "vectorize") throw new Error("--model goes with --target vectorize");
  return {
    input: values.input,
    out: values.out,
    force: values.force,
    ...(values.target === "vectorize" ? { target: values.target } : {}),
    ...(values.model !== undefined ? { model: values.model } : {}),
  };
}

const USAGE = "usage: npm run ingest [-- --input FILE --out DIR --force] [-- --target vectorize --model @cf/baai/bge-base-en-v1.5]";

async function main(): Promise<void> {
  let args: ReturnType<typeof parseIngestArgs>;
  try {
    args = parseIngestArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const result = await runIngest(args);
  process.exitCode = result.exitCode;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) await main();
