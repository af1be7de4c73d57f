// `npm run ingest [-- --input FILE --out DIR --force]`: seed text -> index folder. runIngest() runs it in-process.
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

export interface IngestOptions {
  input?: string;
  out?: string;
  force?: boolean;
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
    const config = loadConfig(options.env ?? process.env);
    const input = options.input ?? DEFAULT_INPUT;
    const outDir = options.out ?? join(config.DATA_DIR, "index");
    const summary = (await alreadyBuilt(config, input, outDir, options)) ?? (await build(config, input, outDir, options, err));
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
  const [{ buildIndex }, { createEmbeddings }] = await Promise.all([import("./build-index.js"), import("../src/retrieval/embeddings/provider.js")]);
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

export function parseIngestArgs(argv: string[]): Pick<IngestOptions, "input" | "out" | "force"> {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: "string", short: "i" },
      out: { type: "string", short: "o" },
      force: { type: "boolean", short: "f", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return { input: values.input, out: values.out, force: values.force };
}

const USAGE = "usage: npm run ingest [-- --input FILE --out DIR --force]";

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
