// The lexical side of retrieval: BM25 over the chunks with MiniSearch, on the project's terms (folded,
// stop words dropped, Snowball-stemmed). Built at ingest and saved as lexical.json. Queries come as
// weighted terms, already expanded (src/glossary/expand.ts).
import MiniSearch, { type Options } from "minisearch";
import { z } from "zod";
import { termOf, words } from "../report/terms.js";
import type { WeightedTerm } from "../glossary/expand.js";

export const LEXICAL_FORMAT_VERSION = 2;

export interface LexicalHit {
  id: string;
  score: number;
}

interface LexicalDoc {
  id: string;
  text: string;
}

const OPTIONS: Options<LexicalDoc> = {
  fields: ["text"],
  idField: "id",
  tokenize: (text) => words(text),
  processTerm: (term) => termOf(term) ?? null,
  searchOptions: { processTerm: (term) => term },
};

/** lexical.json: MiniSearch's own serialisation, wrapped with a format version. */
export const LexicalIndexDataSchema = z.object({
  formatVersion: z.literal(LEXICAL_FORMAT_VERSION),
  minisearch: z.record(z.string(), z.unknown()),
});
export type LexicalIndexData = z.infer<typeof LexicalIndexDataSchema>;

export class LexicalIndex {
  private constructor(private readonly index: MiniSearch<LexicalDoc>) {}

  static build(docs: LexicalDoc[]): LexicalIndex {
    const index = new MiniSearch<LexicalDoc>(OPTIONS);
    index.addAll(docs);
    return new LexicalIndex(index);
  }

  /** Validates a parsed lexical.json; throws on a malformed one. */
  static fromJSON(json: unknown): LexicalIndex {
    const data = LexicalIndexDataSchema.parse(json);
    return new LexicalIndex(MiniSearch.loadJSON<LexicalDoc>(JSON.stringify(data.minisearch), OPTIONS));
  }

  toJSON(): LexicalIndexData {
    return { formatVersion: LEXICAL_FORMAT_VERSION, minisearch: this.index.toJSON() as unknown as Record<string, unknown> };
  }

  get size(): number {
    return this.index.documentCount;
  }

  /** BM25 over all chunks (or those `accept` admits), best first; each term weighs what the expansion gave it. */
  search(terms: readonly WeightedTerm[], k = 20, accept?: (id: string) => boolean): LexicalHit[] {
    const weights = new Map<string, number>();
    for (const t of terms) weights.set(t.term, Math.max(weights.get(t.term) ?? 0, t.weight));
    if (weights.size === 0) return [];
    const hits = this.index.search([...weights.keys()].join(" "), {
      combineWith: "OR",
      prefix: false,
      fuzzy: false,
      boostTerm: (term) => weights.get(term) ?? 1,
      ...(accept ? { filter: (r) => accept(String(r.id)) } : {}),
    });
    return hits.slice(0, k).map((h) => ({ id: String(h.id), score: h.score }));
  }

}
