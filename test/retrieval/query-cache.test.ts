// The exact-question LRU in front of the query encoder (a counting hash encoder stands in for the model).
import { describe, expect, it } from "vitest";
import { CachedQueryEmbeddings, withQueryCache } from "../../src/retrieval/embeddings/cached.js";
import { HashEmbeddings } from "../helpers/hash-embeddings.js";

describe("query-embedding cache", () => {
  it("answers a repeated question without calling the encoder, with the same vector", async () => {
    const inner = new HashEmbeddings();
    const cached = new CachedQueryEmbeddings(inner, 10);
    const first = await cached.embedQuery("How many troops does Senegal contribute?");
    const again = await cached.embedQuery("How many troops does Senegal contribute?");
    expect(again).toEqual(first);
    expect(inner.queryCalls).toBe(1);
    await cached.embedQuery("how many troops does Senegal contribute?"); // exact text only
    expect(inner.queryCalls).toBe(2);
    expect(cached.stats()).toEqual({ hits: 1, misses: 2, size: 2 });
  });

  it("keeps at most its size, dropping the least recently asked", async () => {
    const inner = new HashEmbeddings();
    const cached = new CachedQueryEmbeddings(inner, 2);
    await cached.embedQuery("a");
    await cached.embedQuery("b");
    await cached.embedQuery("a"); // a is now the most recent
    await cached.embedQuery("c"); // evicts b
    expect(cached.stats().size).toBe(2);
    await cached.embedQuery("a");
    expect(inner.queryCalls).toBe(3);
    await cached.embedQuery("b");
    expect(inner.queryCalls).toBe(4);
  });

  it("hands out copies, so a caller that changes a vector does not change the cache", async () => {
    const cached = new CachedQueryEmbeddings(new HashEmbeddings(), 4);
    const v = await cached.embedQuery("x");
    const original = [...v];
    v[0] = 42;
    expect(await cached.embedQuery("x")).toEqual(original);
  });

  it("is off at size 0, and never caches documents", async () => {
    const inner = new HashEmbeddings();
    expect(withQueryCache(inner, 0)).toBe(inner);
    const cached = withQueryCache(inner, 4);
    await cached.embedDocuments(["p", "p"]);
    await cached.embedDocuments(["p"]);
    expect(inner.documentCalls).toBe(2);
  });
});
