// Builds the index folder (manifest, report, chunks, lexical, glossary, lexicon, figures, hnswlib) atomically from a seed file.
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { EmbeddingsBundle } from "../src/retrieval/embeddings/provider.js";
import { hashIndexFiles } from "../src/retrieval/index-files.js";
import { LexicalIndex } from "../src/retrieval/lexical.js";
import { INDEX_FILES, INDEX_FORMAT_VERSION, IndexManifestSchema, type IndexManifest } from "../src/retrieval/manifest.js";
import { createTempSibling, removeDir, swapInto } from "./atomic-dir.js";
import { buildChunks } from "./chunks.js";
import { buildFigures } from "./figures/build-figures.js";
import { buildGlossary } from "./glossary/build-glossary.js";
import { buildLexicon } from "./glossary/lexicon.js";
import { lexiconTexts } from "./glossary/lexicon-texts.js";
import { parseReport } from "./parse/report.js";
import { ProgressEmbeddings, type ProgressSink } from "./progress-embeddings.js";
import { checkSeed, summaryCounts, type SummaryCounts } from "./up-to-date.js";

export { InputFileError, type InputErrorCode } from "./up-to-date.js";

export interface BuildIndexOptions {
  input: string;
  out: string;
  embeddings: EmbeddingsBundle;
  force?: boolean;
  onProgress?: ProgressSink;
}

export interface BuildSummary extends SummaryCounts {
  status: "built" | "up-to-date";
  outDir: string;
  seconds: number;
}

export async function buildIndex(options: BuildIndexOptions): Promise<BuildSummary> {
  const started = performance.now();
  const outDir = resolve(options.out);
  const elapsed = () => (performance.now() - started) / 1000;
  const { text, seedSha256, builderSha256, current } = await checkSeed(options.input, outDir, options.embeddings.encoder, options.force);
  if (current) return { status: "up-to-date", outDir, ...current, seconds: elapsed() };

  // Claim the temp folder first: an unwritable output fails fast, before the (slow) parse and embedding.
  const temp = await createTempSibling(outDir);
  try {
    const report = parseReport(text);
    const chunks = buildChunks(report);
    // Embedding the chunks is most of a build: asked for first, so the encoder threads work while this
    // thread builds the other files (each step below awaits, which hands the encoders their next batches).
    const embeddings = new ProgressEmbeddings(options.embeddings.embeddings, options.onProgress ?? (() => {}));
    const embedded = embeddings.embedDocuments(chunks.map((c) => c.pageContent));
    embedded.catch(() => {}); // awaited below, after the other files
    const lexical = LexicalIndex.build(chunks.map((c) => ({ id: c.metadata.id, text: c.pageContent })));
    await writeJson(join(temp, INDEX_FILES.report), report);
    await writeJson(join(temp, INDEX_FILES.chunks), chunks.map((c) => ({ pageContent: c.pageContent, metadata: c.metadata })));
    await writeJson(join(temp, INDEX_FILES.lexical), lexical.toJSON());
    await writeJson(join(temp, INDEX_FILES.glossary), buildGlossary(report));
    await writeJson(join(temp, INDEX_FILES.lexicon), buildLexicon(lexiconTexts(report)));
    await writeJson(join(temp, INDEX_FILES.figures), buildFigures(report));
    // What HNSWLib.fromDocuments does, with the vectors already computed.
    const vectors = new HNSWLib(embeddings, { space: "cosine" });
    await vectors.addVectors(await embedded, chunks);
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

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(value) + "\n", "utf8");
}
