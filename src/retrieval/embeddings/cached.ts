// An exact-text LRU in front of a query encoder: staff ask the starter questions again and again, and
// a repeated question needs no second model call. Documents pass through (ingest embeds each once).
import { Embeddings } from "@langchain/core/embeddings";
import { LRUCache } from "lru-cache";

export interface QueryCacheStats {
  hits: number;
  misses: number;
  size: number;
}

export class CachedQueryEmbeddings extends Embeddings {
  private readonly cache: LRUCache<string, number[]>;
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly inner: Embeddings,
    /** Most questions kept; the least recently asked goes first. */
    maxEntries: number,
  ) {
    super({});
    this.cache = new LRUCache({ max: maxEntries });
  }

  async embedQuery(text: string): Promise<number[]> {
    const cached = this.cache.get(text);
    if (cached) {
      this.hits++;
      return [...cached];
    }
    this.misses++;
    const vector = await this.inner.embedQuery(text);
    this.cache.set(text, [...vector]);
    return vector;
  }

  embedDocuments(texts: string[]): Promise<number[][]> {
    return this.inner.embedDocuments(texts);
  }

  stats(): QueryCacheStats {
    return { hits: this.hits, misses: this.misses, size: this.cache.size };
  }
}

/** The encoder behind an LRU of `size` questions, or unchanged when size is 0. */
export function withQueryCache(embeddings: Embeddings, size: number): Embeddings {
  return size > 0 ? new CachedQueryEmbeddings(embeddings, size) : embeddings;
}
