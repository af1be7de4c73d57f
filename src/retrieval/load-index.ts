// Loads and validates the index folder written by ingest.
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Embeddings } from "@langchain/core/embeddings";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { EncoderInfo } from "./embeddings/provider.js";
import { describeError, IndexInvalidError, rawIndexData, RAW_INDEX_FILES, validateIndexData, type IndexData } from "./index-data.js";
import { verifyIndexFiles } from "./index-files.js";
import { INDEX_FILES, IndexManifestSchema } from "./manifest.js";

export { IndexInvalidError };

const REBUILD = "Rebuild it with `npm run ingest -- --force`.";

export class IndexMissingError extends Error {
  constructor(readonly indexDir: string) {
    super(`No index found at ${indexDir}. Build it first with \`npm run ingest\`.`);
    this.name = "IndexMissingError";
  }
}

export class EncoderMismatchError extends Error {
  constructor(indexDir: string, built: EncoderInfo, configured: EncoderInfo) {
    super(
      `The index at ${indexDir} was built with encoder ${show(built)}, but ${show(configured)} is configured. ` +
        "Rebuild it with `npm run ingest -- --force` or set EMBEDDINGS_PROVIDER/EMBEDDINGS_MODEL to match.",
    );
    this.name = "EncoderMismatchError";
  }
}

const show = (e: EncoderInfo) => `${e.provider}/${e.name} (${e.dimensions} dims)`;

export interface LoadedIndex extends IndexData {
  vectors: HNSWLib;
}

export interface LoadIndexOptions {
  /** The configured encoder; defaults to `embeddings.encoder` when the embeddings carry one. */
  encoder?: EncoderInfo;
}

export async function loadIndex(indexDir: string, embeddings: Embeddings, options: LoadIndexOptions = {}): Promise<LoadedIndex> {
  const dir = resolve(indexDir);
  const manifestPath = join(dir, INDEX_FILES.manifest);
  if (!(await stat(manifestPath).then((s) => s.isFile(), () => false))) throw new IndexMissingError(dir);

  const manifestJson = await readJson(dir, INDEX_FILES.manifest);
  const manifest = IndexManifestSchema.safeParse(manifestJson);
  if (!manifest.success) throw new IndexInvalidError(`${manifestPath} is invalid (${describeError(manifest.error)}). ${REBUILD}`);
  const configured = options.encoder ?? (embeddings as { encoder?: EncoderInfo }).encoder;
  if (configured && !sameEncoder(manifest.data.encoder, configured)) throw new EncoderMismatchError(dir, manifest.data.encoder, configured);

  const names = RAW_INDEX_FILES.filter((key) => key !== "manifest").map((key) => INDEX_FILES[key]);
  const files = new Map<string, unknown>([[INDEX_FILES.manifest, manifestJson], ...(await Promise.all(names.map(async (name) => [name, await readJson(dir, name)] as const)))]);
  const data = validateIndexData(rawIndexData((name) => files.get(name)), (file) => join(dir, file), REBUILD);
  // Valid is not enough: an edited report.json can be valid. Checked before hnswlib reads its binary file.
  await verifyIndexFiles(dir, data.manifest, REBUILD);

  let vectors: HNSWLib;
  try {
    vectors = await HNSWLib.load(join(dir, INDEX_FILES.vectors), embeddings);
  } catch (err) {
    throw new IndexInvalidError(`Cannot load ${join(dir, INDEX_FILES.vectors)}: ${describeError(err)}`);
  }
  if (vectors.args.numDimensions !== undefined && vectors.args.numDimensions !== data.manifest.encoder.dimensions) {
    throw new IndexInvalidError(`${join(dir, INDEX_FILES.vectors)} has ${vectors.args.numDimensions} dimensions; the manifest says ${data.manifest.encoder.dimensions}.`);
  }
  return { ...data, vectors };
}

function sameEncoder(a: EncoderInfo, b: EncoderInfo): boolean {
  return a.provider === b.provider && a.name === b.name && a.dimensions === b.dimensions;
}

async function readJson(dir: string, name: string): Promise<unknown> {
  const path = join(dir, name);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new IndexInvalidError(`Cannot read ${path}: ${describeError(err)}. ${REBUILD}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new IndexInvalidError(`${path} is not valid JSON: ${describeError(err)}. ${REBUILD}`);
  }
}


