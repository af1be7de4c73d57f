// What the main thread needs of the index when the answer workers hold the rest: the manifest and the
// structured report (for /health, /v1/paragraphs and /v1/annexes), checked as the full loader checks
// them, so a missing, invalid, mismatched or edited index stops start-up with the same message. The
// loader's module (and the vector store it imports) is imported only to throw its errors.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { StructuredReportSchema, type StructuredReport } from "../report/schema.js";
import type { EncoderInfo } from "../retrieval/embeddings/encoder-info.js";
import { verifyIndexFiles } from "../retrieval/index-files.js";
import { INDEX_FILES, IndexManifestSchema, type IndexManifest } from "../retrieval/manifest.js";

const loader = () => import("../retrieval/load-index.js");
const invalid = async (message: string) => new (await loader()).IndexInvalidError(`${message} ${REBUILD}`);
const describe = async (err: unknown) => (await import("../retrieval/index-data.js")).describeError(err);

const REBUILD = "Rebuild it with `npm run ingest -- --force`.";

export interface IndexSummary {
  manifest: IndexManifest;
  report: StructuredReport;
}

export async function readIndexSummary(dir: string, encoder: EncoderInfo): Promise<IndexSummary> {
  const manifestPath = join(dir, INDEX_FILES.manifest);
  if (!(await stat(manifestPath).then((s) => s.isFile(), () => false))) throw new (await loader()).IndexMissingError(dir);
  const manifest = IndexManifestSchema.safeParse(await readJson(manifestPath));
  if (!manifest.success) throw await invalid(`${manifestPath} is invalid (${await describe(manifest.error)}).`);
  const built = manifest.data.encoder;
  if (built.provider !== encoder.provider || built.name !== encoder.name || built.dimensions !== encoder.dimensions) {
    throw new (await loader()).EncoderMismatchError(dir, built, encoder);
  }
  const reportPath = join(dir, INDEX_FILES.report);
  const report = StructuredReportSchema.safeParse(await readJson(reportPath));
  if (!report.success) throw await invalid(`${reportPath} is invalid (${await describe(report.error)}).`);
  if (report.data.seedSha256 !== manifest.data.seedSha256) throw await invalid(`${reportPath} does not belong to this manifest (seed hash differs).`);
  // Every file against its SHA-256 in the manifest, as the workers' loader checks them: an edited index
  // (even a valid one) stops start-up here, with the same message.
  await verifyIndexFiles(dir, manifest.data, REBUILD);
  return { manifest: manifest.data, report: report.data };
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw await invalid(`Cannot read ${path}: ${await describe(err)}.`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw await invalid(`${path} is not valid JSON: ${await describe(err)}.`);
  }
}
