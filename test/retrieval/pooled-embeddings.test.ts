// Ingest's encoder on every core: the local encoder in two worker threads gives the vectors the
// in-process encoder gives, in the input's order, for documents and queries alike.
import { afterAll, describe, expect, it } from "vitest";
import { PooledEmbeddings } from "../../src/retrieval/embeddings/pooled.js";
import { testEmbeddings } from "../helpers/index-fixture.js";

const TEXTS = Array.from({ length: 21 }, (_, i) => `Paragraph ${i}: the Mission recorded ${i + 3} attacks in the central regions.`);

const pooled = new PooledEmbeddings({ config: { EMBEDDINGS_PROVIDER: "use-lite", EMBEDDINGS_MODEL: undefined, EMBEDDINGS_BASE_URL: undefined }, threads: 2, batchSize: 4 });
afterAll(() => pooled.close());

function expectClose(a: number[][], b: number[][]) {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => v.forEach((x, j) => expect(x).toBeCloseTo(b[i]![j]!, 5)));
}

describe("PooledEmbeddings (use-lite in worker threads)", () => {
  it("embeds documents across the threads, in order, as the in-process encoder does", async () => {
    const [fromPool, inProcess] = await Promise.all([pooled.embedDocuments(TEXTS), testEmbeddings().embeddings.embedDocuments(TEXTS)]);
    expectClose(fromPool, inProcess);
  });

  it("embeds a query the same way", async () => {
    const question = "How many attacks were there in the central regions?";
    expectClose([await pooled.embedQuery(question)], [await testEmbeddings().embeddings.embedQuery(question)]);
  });
});
