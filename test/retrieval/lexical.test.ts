// The lexical side of retrieval on its own: MiniSearch BM25 over the project's terms, weighted query
// terms, the accept filter, and lexical.json round trips.
import { describe, expect, it } from "vitest";
import { LexicalIndex } from "../../src/retrieval/lexical.js";
import { terms } from "../../src/report/terms.js";

const docs = [
  { id: "a", text: "Eight peacekeepers were killed and 64 injured." },
  { id: "b", text: "The budget proposal amounts to $1,077.6 million." },
  { id: "c", text: "Schools were closed in the Mopti region." },
];
const query = (text: string) => terms(text).map((term) => ({ term, weight: 1 }));

describe("LexicalIndex (MiniSearch)", () => {
  it("ranks by BM25 on stemmed terms and honours the accept filter", () => {
    const index = LexicalIndex.build(docs);
    expect(index.search(query("how many peacekeepers were injured"))[0]?.id).toBe("a");
    expect(index.search(query("school closures in Mopti"))[0]?.id).toBe("c");
    expect(index.search(query("peacekeepers"), 5, (id) => id !== "a")).toEqual([]);
  });

  it("weighs each query term by its expansion weight", () => {
    const index = LexicalIndex.build(docs);
    const budgetFirst = index.search([{ term: "budget", weight: 1 }, { term: "school", weight: 0.2 }]);
    const schoolFirst = index.search([{ term: "budget", weight: 0.2 }, { term: "school", weight: 1 }]);
    expect(budgetFirst[0]?.id).toBe("b");
    expect(schoolFirst[0]?.id).toBe("c");
  });

  it("round-trips through JSON and rejects a malformed file", () => {
    const index = LexicalIndex.build(docs);
    const copy = LexicalIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(copy.search(query("schools closed"))).toEqual(index.search(query("schools closed")));
    expect(copy.size).toBe(3);
    expect(() => LexicalIndex.fromJSON({ ...index.toJSON(), formatVersion: 1 })).toThrow();
    expect(() => LexicalIndex.fromJSON({ formatVersion: 2, minisearch: { nonsense: true } })).toThrow();
  });
});
