// Is the index folder already what this seed, this ingest code and this encoder would build? Kept
// free of the parser, the lexical index and the vector store, so an unchanged re-run loads none of them.
import { createHash } from "node:crypto";
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DataWarning, StructuredReport } from "../src/report/schema.js";
import { StructuredReportSchema } from "../src/report/schema.js";
import type { EncoderInfo } from "../src/retrieval/embeddings/encoder-info.js";
import { verifyIndexFiles } from "../src/retrieval/index-files.js";
import { INDEX_FILES, IndexManifestSchema, type IndexManifest } from "../src/retrieval/manifest.js";
import { builderFingerprint } from "./builder-fingerprint.js";

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

export interface SummaryCounts {
  paragraphs: number;
  indicators: number;
  countries: number;
  chunks: number;
  warnings: DataWarning[];
}

export async function readSeed(input: string): Promise<{ text: string; sha256: string }> {
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
  return { text, sha256: createHash("sha256").update(text).digest("hex") };
}

/** The existing index when it was built from the same seed, builder code, encoder and format; null otherwise. */
export async function upToDate(
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

export function summaryCounts(manifest: IndexManifest, report: StructuredReport): SummaryCounts {
  return {
    paragraphs: manifest.counts.paragraphs,
    indicators: manifest.counts.indicators,
    countries: manifest.counts.countries,
    chunks: manifest.chunkCount,
    warnings: report.warnings,
  };
}

export interface SeedCheck {
  text: string;
  seedSha256: string;
  builderSha256: string;
  /** The counts of the index already there, when it is up to date. */
  current: SummaryCounts | null;
}

/** Reads the seed and tells whether the index at outDir is already built from it (skipped with force). */
export async function checkSeed(input: string, outDir: string, encoder: EncoderInfo, force = false): Promise<SeedCheck> {
  const [{ text, sha256: seedSha256 }, builderSha256] = await Promise.all([readSeed(input), builderFingerprint()]);
  const existing = force ? null : await upToDate(outDir, seedSha256, builderSha256, encoder);
  return { text, seedSha256, builderSha256, current: existing && summaryCounts(existing.manifest, existing.report) };
}
