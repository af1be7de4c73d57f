// Same-run baseline: the suite's retrieval through raw 1000/200 chunks + the same encoder + HNSWLib
// (built in memory now). Scored with the same ref matching as sitrep's evidence.
import { readFile } from "node:fs/promises";
import { Document } from "@langchain/core/documents";
import type { Embeddings } from "@langchain/core/embeddings";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { caseTurns, type GoldenCase } from "../golden-schema.js";
import { rankOfFirstHit } from "../grade.js";
import { retrievalMetrics, type RetrievalMetrics } from "../metrics.js";
import { rawChunks } from "./raw-chunks.js";

export const BASELINE_TOP_K = 5;

export interface BaselineTurn {
  caseId: string;
  turn: number;
  question: string;
  targets: string[];
  /** Refs of the top-k chunks, each chunk's refs joined with " + ". */
  retrieved: string[];
  rank: number | null;
}

export interface BaselineResult {
  recipe: string;
  chunks: number;
  metrics: RetrievalMetrics;
  turns: BaselineTurn[];
}

/** Ranks chunks, then scores the first chunk covering any target, as sitrep's evidence is scored. */
function chunkRank(chunkRefs: string[][], targets: string[]): number | null {
  const i = chunkRefs.findIndex((refs) => rankOfFirstHit(refs, targets) !== null);
  return i < 0 ? null : i + 1;
}

export async function runBaseline(seedFile: string, cases: GoldenCase[], embeddings: Embeddings): Promise<BaselineResult> {
  const chunks = await rawChunks(await readFile(seedFile, "utf8"));
  const docs = chunks.map((c, i) => new Document({ pageContent: c.text, metadata: { i, refs: c.refs } }));
  const store = await HNSWLib.fromDocuments(docs, embeddings);
  const turns: BaselineTurn[] = [];
  for (const c of cases) {
    for (const t of caseTurns(c)) {
      if (t.type === "refusal" || t.citations.length === 0) continue;
      // Follow-ups go in as asked: the plain recipe has no conversation memory.
      const hits = await store.similaritySearch(t.question, BASELINE_TOP_K);
      const refs = hits.map((d) => (d.metadata as { refs: string[] }).refs);
      turns.push({ caseId: c.id, turn: t.index, question: t.question, targets: t.citations, retrieved: refs.map((r) => r.join(" + ")), rank: chunkRank(refs, t.citations) });
    }
  }
  return {
    recipe: `RecursiveCharacterTextSplitter 1000/200 over the raw seed text, ${embeddings.constructor.name}, HNSWLib top-${BASELINE_TOP_K}`,
    chunks: chunks.length,
    metrics: retrievalMetrics(turns.map((t) => t.rank)),
    turns,
  };
}
