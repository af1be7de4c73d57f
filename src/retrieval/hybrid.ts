// Hybrid retrieval: BM25 + dense, weighted reciprocal rank fusion at paragraph level, sentence-level rerank.
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import { Document } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { VectorStoreInterface } from "@langchain/core/vectorstores";
import type { ChunkKind, ChunkMetadata } from "./chunk.js";
import type { WeightedTerm } from "../glossary/expand.js";
import { terms as termsOf } from "../report/terms.js";
import type { LexicalIndex } from "./lexical.js";
import { sentenceCoverage } from "./rerank.js";

export interface RankedChunk {
  /** The citable unit: "para. 47", "Annex I 2.3", "Annex II Senegal". */
  ref: string;
  /** The whole unit (parts of a split paragraph joined back together). */
  document: Document<ChunkMetadata>;
  score: number;
  /** 1-based rank of the unit on each side, when it was retrieved there. */
  lexicalRank?: number;
  denseRank?: number;
}

export interface RankedChunkMetadata extends ChunkMetadata {
  score: number;
  /** 1-based. */
  rank: number;
  /** 1-based ranks on each side, when that side found it. */
  lexicalRank?: number;
  denseRank?: number;
}

export interface SearchOptions {
  k?: number;
  kinds?: ChunkKind[];
  /** A precomputed query embedding (skips the embedding call). */
  queryVector?: number[];
}

export type RetrievalMode = "hybrid" | "lexical" | "dense";

export interface HybridTuning {
  lexicalWeight: number;
  denseWeight: number;
  /** The k in 1/(k + rank). */
  rrfK: number;
  /** How many units each side contributes to fusion. */
  depth: number;
  /** Weight of the sentence-coverage rerank feature (0 turns rerank off) and how many fused units it sees. */
  rerankWeight: number;
  rerankDepth: number;
  /** Consecutive sentences scored together by the rerank. */
  rerankWindow: number;
}

/** Tuned on test/retrieval/golden.ts (see quality.test.ts for the measured table). */
export const DEFAULT_TUNING: HybridTuning = {
  lexicalWeight: 1.5,
  denseWeight: 1,
  rrfK: 10,
  depth: 200,
  rerankWeight: 0.2,
  rerankDepth: 12,
  rerankWindow: 2,
};

export interface SearchTimings {
  embedMs: number;
  lexicalMs: number;
  denseMs: number;
  rerankMs: number;
  totalMs: number;
}

export interface HybridRetrieverInput extends BaseRetrieverInput {
  chunks: Document<ChunkMetadata>[];
  lexical: LexicalIndex;
  /** Dense side; omit both (or set mode "lexical") for lexical-only retrieval (Workers). */
  vectors?: VectorStoreInterface;
  embeddings?: EmbeddingsInterface;
  mode?: RetrievalMode;
  /** Default k for invoke(). */
  k?: number;
  tuning?: Partial<HybridTuning>;
  /** Query text -> weighted terms (the glossary's expansion); default: the text's own terms. */
  expand?: (query: string) => WeightedTerm[];
}

interface Unit {
  ref: string;
  document: Document<ChunkMetadata>;
}

export class HybridRetriever extends BaseRetriever<RankedChunkMetadata> {
  static override lc_name(): string {
    return "HybridRetriever";
  }
  override lc_namespace = ["sitrep", "retrievers", "hybrid"];

  readonly mode: RetrievalMode;
  readonly tuning: HybridTuning;
  readonly k: number;
  lastTimings: SearchTimings | null = null;

  private readonly lexical: LexicalIndex;
  private readonly vectors?: VectorStoreInterface;
  private readonly embeddings?: EmbeddingsInterface;
  private readonly chunkById = new Map<string, Document<ChunkMetadata>>();
  private readonly units = new Map<string, Unit>();
  private readonly expand: (query: string) => WeightedTerm[];
  /** Inverse document frequency over units, for the sentence rerank. */
  private readonly idf: (term: string) => number;

  constructor(input: HybridRetrieverInput) {
    super(input);
    this.lexical = input.lexical;
    this.vectors = input.vectors;
    this.embeddings = input.embeddings ?? input.vectors?.embeddings;
    this.mode = input.mode ?? (this.vectors ? "hybrid" : "lexical");
    if (this.mode !== "lexical" && !this.vectors) throw new Error(`HybridRetriever mode "${this.mode}" needs a vector store`);
    this.tuning = { ...DEFAULT_TUNING, ...input.tuning };
    this.k = input.k ?? 6;
    for (const chunk of input.chunks) this.chunkById.set(chunk.metadata.id, chunk);
    for (const [ref, parts] of groupByRef(input.chunks)) this.units.set(ref, { ref, document: joinParts(parts) });
    this.expand = input.expand ?? ((query) => termsOf(query).map((term) => ({ term, weight: 1 })));
    const df = new Map<string, number>();
    for (const unit of this.units.values()) for (const t of new Set(termsOf(unit.document.metadata.text))) df.set(t, (df.get(t) ?? 0) + 1);
    const n = this.units.size;
    this.idf = (term) => Math.log(1 + (n - (df.get(term) ?? 0) + 0.5) / ((df.get(term) ?? 0) + 0.5));
  }

  /** Lexical-only retriever (no encoder, no vector store): for Workers and tests. */
  static lexicalOnly(
    chunks: Document<ChunkMetadata>[],
    lexical: LexicalIndex,
    options: { tuning?: Partial<HybridTuning>; expand?: (query: string) => WeightedTerm[] } = {},
  ): HybridRetriever {
    return new HybridRetriever({ chunks, lexical, mode: "lexical", ...options });
  }

  /** The one embedding call a search makes; exposed so callers can time it or reuse the vector. */
  async embedQuery(query: string): Promise<number[]> {
    if (!this.embeddings) throw new Error("HybridRetriever has no embeddings");
    return this.embeddings.embedQuery(query);
  }

  /** LangChain's retriever method (reached through `invoke`): the ranked units, each with its score and rank in metadata. */
  override async _getRelevantDocuments(query: string): Promise<Document<RankedChunkMetadata>[]> {
    return (await this.search(query, { k: this.k })).map(
      (r, i) => new Document<RankedChunkMetadata>({ pageContent: r.document.pageContent, metadata: {
          ...r.document.metadata,
          score: r.score,
          rank: i + 1,
          ...(r.lexicalRank !== undefined ? { lexicalRank: r.lexicalRank } : {}),
          ...(r.denseRank !== undefined ? { denseRank: r.denseRank } : {}),
        },
      }),
    );
  }

  async search(query: string, options: SearchOptions = {}): Promise<RankedChunk[]> {
    const t0 = performance.now();
    const k = options.k ?? this.k;
    const kinds = options.kinds && options.kinds.length ? new Set(options.kinds) : null;
    const accept = (id: string) => !kinds || kinds.has(this.chunkById.get(id)!.metadata.kind);
    const { depth } = this.tuning;

    let lexicalOrder: string[] = [];
    const terms = this.expand(query);
    if (this.mode !== "dense") lexicalOrder = this.foldToUnits(this.lexical.search(terms, this.chunkById.size, accept).map((h) => h.id));
    const t1 = performance.now();

    let denseOrder: string[] = [];
    let embedMs = 0;
    if (this.mode !== "lexical") {
      const e0 = performance.now();
      const vector = options.queryVector ?? (await this.embedQuery(query));
      embedMs = performance.now() - e0;
      const hits = await this.vectors!.similaritySearchVectorWithScore(vector, this.chunkById.size);
      denseOrder = this.foldToUnits(hits.map(([doc]) => (doc.metadata as ChunkMetadata).id).filter(accept));
    }
    const t2 = performance.now();

    const fused = this.fuse(lexicalOrder.slice(0, depth), denseOrder.slice(0, depth));
    const ranked = this.rerank(fused, terms);
    const t3 = performance.now();
    this.lastTimings = { embedMs, lexicalMs: t1 - t0, denseMs: t2 - t1 - embedMs, rerankMs: t3 - t2, totalMs: t3 - t0 };
    return ranked.slice(0, k);
  }

  /** Chunk ids in rank order -> unit refs in rank order (a unit ranks at its best chunk). */
  private foldToUnits(ids: string[]): string[] {
    const seen = new Set<string>();
    for (const id of ids) {
      const ref = this.chunkById.get(id)?.metadata.ref;
      if (ref !== undefined) seen.add(ref);
    }
    return [...seen];
  }

  private fuse(lexicalOrder: string[], denseOrder: string[]): RankedChunk[] {
    const { lexicalWeight, denseWeight, rrfK } = this.tuning;
    const byRef = new Map<string, RankedChunk>();
    const entry = (ref: string) => {
      let r = byRef.get(ref);
      if (!r) byRef.set(ref, (r = { ref, document: this.units.get(ref)!.document, score: 0 }));
      return r;
    };
    lexicalOrder.forEach((ref, i) => {
      const r = entry(ref);
      r.lexicalRank = i + 1;
      r.score += lexicalWeight / (rrfK + i + 1);
    });
    denseOrder.forEach((ref, i) => {
      const r = entry(ref);
      r.denseRank = i + 1;
      r.score += denseWeight / (rrfK + i + 1);
    });
    return [...byRef.values()].sort(byScore);
  }

  /** Adds rerankWeight * (best sentence-window coverage of the query) to the normalized fused score of the top units. */
  private rerank(fused: RankedChunk[], terms: WeightedTerm[]): RankedChunk[] {
    const { rerankWeight, rerankDepth, rerankWindow } = this.tuning;
    if (rerankWeight <= 0 || fused.length === 0) return fused;
    const top = fused[0]!.score || 1;
    const head = fused.slice(0, rerankDepth).map((r) => ({
      ...r,
      score: r.score / top + rerankWeight * sentenceCoverage(r.document.metadata.text, terms, this.idf, rerankWindow),
    }));
    const tail = fused.slice(rerankDepth).map((r) => ({ ...r, score: r.score / top }));
    return [...head.sort(byScore), ...tail];
  }
}

function byScore(a: RankedChunk, b: RankedChunk): number {
  return b.score - a.score || a.ref.localeCompare(b.ref);
}

function groupByRef(chunks: Document<ChunkMetadata>[]): Map<string, Document<ChunkMetadata>[]> {
  const groups = new Map<string, Document<ChunkMetadata>[]>();
  for (const c of chunks) {
    const list = groups.get(c.metadata.ref) ?? [];
    list.push(c);
    groups.set(c.metadata.ref, list);
  }
  return groups;
}

/** One Document for a unit: a split paragraph's parts joined back, under its heading line. */
function joinParts(parts: Document<ChunkMetadata>[]): Document<ChunkMetadata> {
  if (parts.length === 1) return parts[0]!;
  const sorted = [...parts].sort((a, b) => a.metadata.part - b.metadata.part);
  const first = sorted[0]!;
  const text = sorted.map((p) => p.metadata.text).join(" ");
  const heading = first.pageContent.slice(0, first.pageContent.length - first.metadata.text.length);
  const metadata: ChunkMetadata = {
    ...first.metadata,
    id: first.metadata.ref,
    part: 1,
    parts: 1,
    subItems: sorted.flatMap((p) => p.metadata.subItems),
    text,
  };
  return new Document({ pageContent: heading + text, metadata });
}
