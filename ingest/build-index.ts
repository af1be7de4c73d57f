// Builds the index folder (manifest, report, chunks, lexical, hnswlib) atomically from a seed file.
import { createHash } from "node:crypto";
import { access, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { DataWarning, StructuredReport } from "../src/report/schema.js";
import { StructuredReportSchema } from "../src/report/schema.js";
import type { EmbeddingsBundle, EncoderInfo } from "../src/retrieval/embeddings/provider.js";
import { hashIndexFiles, verifyIndexFiles } from "../src/retrieval/index-files.js";
import { LexicalIndex } from "../src/retrieval/lexical.js";
import { builderFingerprint } from "./builder-fingerprint.js";
import { INDEX_FILES, INDEX_FORMAT_VERSION, IndexManifestSchema, type IndexManifest } from "../src/retrieval/manifest.js";
import { createTempSibling, removeDir, swapInto } from "./atomic-dir.js";
import { buildChunks } from "./chunks.js";
import { buildFigures } from "./figures/build-figures.js";
import { buildGlossary } from "./glossary/build-glossary.js";
import { buildLexicon } from "./glossary/lexicon.js";
import { lexiconTexts } from "./glossary/lexicon-texts.js";
import { parseReport } from "./parse/report.js";
import { ProgressEmbeddings, type ProgressSink } from "./progress-embeddings.js";

export type InputErrorCode = "INPUT_MISSING" | "INPUT_UNREADABLE" | "INPUT_EMPTY";

export class InputFileError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "InputFileError";
  }
}

export interface BuildIndexOptions {
  input: string;
  out: string;
  embeddings: EmbeddingsBundle;
  force?: boolean;
  onProgress?: ProgressSink;
}

export interface BuildSummary {
  status: "built" | "up-to-date";
  outDir: string;
  paragraphs: number;
  indicators: number;
  countries: number;
  chunks: number;
  warnings: DataWarning[];
  seconds: number;
}

export async function buildIndex(options: BuildIndexOptions): Promise<BuildSummary> {
  const started = performance.now();
  const outDir = resolve(options.out);
  const text = await readSeed(options.input);
  const seedSha256 = createHash("sha256").update(text).digest("hex");
  const elapsed = () => (performance.now() - started) / 1000;

  const builderSha256 = await builderFingerprint();
  if (!options.force) {
    const current = await upToDate(outDir, seedSha256, builderSha256, options.embeddings.encoder);
    if (current) return { status: "up-to-date", outDir, ...summaryCounts(current.manifest, current.report), seconds: elapsed() };
  }

  // Claim the temp folder first: an unwritable output fails fast, before the (slow) parse and embedding.
  const temp = await createTempSibling(outDir);
  try {
    const report = parseReport(text);
    const chunks = buildChunks(report);
    const lexical = LexicalIndex.build(chunks.map((c) => ({ id: c.metadata.id, text: c.pageContent })));
    await writeJson(join(temp, INDEX_FILES.report), report);
    await writeJson(join(temp, INDEX_FILES.chunks), chunks.map((c) => ({ pageContent: c.pageContent, metadata: c.metadata })));
    await writeJson(join(temp, INDEX_FILES.lexical), lexical.toJSON());
    await writeJson(join(temp, INDEX_FILES.glossary), buildGlossary(report));
    await writeJson(join(temp, INDEX_FILES.lexicon), buildLexicon(lexiconTexts(report)));
    await writeJson(join(temp, INDEX_FILES.figures), buildFigures(report));
    const embeddings = new ProgressEmbeddings(options.embeddings.embeddings, options.onProgress ?? (() => {}));
    const vectors = await HNSWLib.fromDocuments(chunks, embeddings);
    await vectors.save(join(temp, INDEX_FILES.vectors));
    const manifest: IndexManifest = IndexManifestSchema.parse({
      formatVersion: INDEX_FORMAT_VERSION,
      seedFile: options.input,
      seedSha256,
      builderSha256,
      encoder: options.embeddings.encoder,
      chunkCount: chunks.length,
      counts: {
        paragraphs: report.paragraphs.length,
        indicators: report.annexI.indicators.length,
        countries: report.annexII.rows.length,
        warnings: report.warnings.length,
      },
      builtAt: new Date().toISOString(),
      // Every file written above, whatever the layout holds: the loader verifies each one.
      files: await hashIndexFiles(temp),
    });
    // The manifest goes last: a folder with a manifest is a complete one.
    await writeJson(join(temp, INDEX_FILES.manifest), manifest);
    await swapInto(temp, outDir);
    return { status: "built", outDir, ...summaryCounts(manifest, report), seconds: elapsed() };
  } catch (err) {
    await removeDir(temp);
    throw err;
  }
}
async function readSeed(input: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(input, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputFileError("INPUT_MISSING", `Input file not found: ${input}`);
    if (code === "EISDIR") throw new InputFileError("INPUT_UNREADABLE", `Input is a folder, not a file: ${input}`);
    throw new InputFileError("INPUT_UNREADABLE", `Cannot read input file ${input}: ${(err as Error).message}`);
  }
  if (text.trim() === "") throw new InputFileError("INPUT_EMPTY", `Input file is empty: ${input}`);
  return text;
}

/** The existing index when it was built from the same seed, builder code, encoder and format; null otherwise. */
async function upToDate(
  outDir: string,
  seedSha256: string,
  builderSha256: string,
  encoder: EncoderInfo,
): Promise<{ manifest: IndexManifest; report: StructuredReport } | null> {
  try {
    const manifest = IndexManifestSchema.parse(JSON.parse(await readFile(join(outDir, INDEX_FILES.manifest), "utf8")));
    const sameEncoder =
      manifest.encoder.provider === encoder.provider &&
      manifest.encoder.name === encoder.name &&
      manifest.encoder.dimensions === encoder.dimensions;
    if (manifest.seedSha256 !== seedSha256 || manifest.builderSha256 !== builderSha256 || !sameEncoder) return null;
    // An index edited or damaged since it was built is rebuilt, so plain `npm run ingest` repairs it.
    await verifyIndexFiles(outDir, manifest, "");
    await Promise.all(Object.values(INDEX_FILES).map((name) => access(join(outDir, name))));
    const report = StructuredReportSchema.parse(JSON.parse(await readFile(join(outDir, INDEX_FILES.report), "utf8")));
    return report.seedSha256 === seedSha256 ? { manifest, report } : null;
  } catch {
    return null;
  }
}

function summaryCounts(manifest: IndexManifest, report: StructuredReport) {
  return {
    paragraphs: manifest.counts.paragraphs,
    indicators: manifest.counts.indicators,
    countries: manifest.counts.countries,
    chunks: manifest.chunkCount,
    warnings: report.warnings,
  };
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(value) + "\n", "utf8");
}
