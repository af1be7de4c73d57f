// A small BM25 index over the chunks, serializable to lexical.json. Query-time synonym expansion.
import { z } from "zod";
import { ABBREVIATIONS, abbreviationPattern } from "./abbreviations.js";
import { DOMAIN_SYNONYMS } from "./synonyms.js";
import { fold, tokenize } from "./tokenize.js";

export const LEXICAL_FORMAT_VERSION = 1;

export const LexicalIndexDataSchema = z.object({
  formatVersion: z.literal(LEXICAL_FORMAT_VERSION),
  k1: z.number().positive(),
  b: z.number().min(0).max(1),
  /** Chunk ids in index order; postings refer to positions in this list. */
  ids: z.array(z.string().min(1)),
  lengths: z.array(z.number().int().nonnegative()),
  /** term -> flat [docIndex, termFrequency, docIndex, termFrequency, ...] */
  postings: z.record(z.string(), z.array(z.number().int().nonnegative())),
});
export type LexicalIndexData = z.infer<typeof LexicalIndexDataSchema>;

export interface LexicalHit {
  id: string;
  score: number;
}

/** A weighted query term: original words weigh 1, synonym expansions less. */
export interface QueryTerm {
  term: string;
  weight: number;
}

export interface LexicalOptions {
  k1?: number;
  b?: number;
  /** Weight of terms added by the synonym map. */
  synonymWeight?: number;
}

interface CompiledSynonym {
  key: string;
  pattern: RegExp;
  caseSensitive: boolean;
  terms: string[];
  /** Each synonym as its own group of terms: "IDPs" -> [["intern", "displac", "person"]]. */
  alternatives: string[][];
}

const FROM_SYNONYM_MAP: CompiledSynonym[] = Object.entries(DOMAIN_SYNONYMS).map(([key, values]) => {
  const caseSensitive = /[A-Z]/.test(key);
  const escaped = (caseSensitive ? key : fold(key)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    key,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u"),
    caseSensitive,
    terms: values.flatMap((v) => tokenize(v)),
    alternatives: values.map((v) => tokenize(v)).filter((terms) => terms.length > 0),
  };
});

// An abbreviation stands for its expansion; its pattern handles case and the plural itself.
const FROM_ABBREVIATIONS: CompiledSynonym[] = ABBREVIATIONS.map((a) => {
  const values = [a.singular, ...(a.plural ? [a.plural] : [])];
  return {
    key: a.letters,
    pattern: abbreviationPattern(a),
    caseSensitive: true,
    terms: values.flatMap((v) => tokenize(v)),
    alternatives: values.map((v) => tokenize(v)).filter((terms) => terms.length > 0),
  };
});

const COMPILED = [...FROM_SYNONYM_MAP, ...FROM_ABBREVIATIONS];

/** Query terms with synonym expansions; an expansion never lowers an original term's weight. */
export function expandQuery(query: string, synonymWeight = 0.6): QueryTerm[] {
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  for (const term of tokenize(query)) add(term, 1);
  const folded = fold(query);
  for (const syn of COMPILED) {
    if (syn.pattern.test(syn.caseSensitive ? query : folded)) for (const term of syn.terms) add(term, synonymWeight);
  }
  return [...weights].map(([term, weight]) => ({ term, weight }));
}

/** The synonym keys found in a text, each with its synonyms as groups of index terms. */
export function synonymMatches(text: string): { key: string; alternatives: string[][] }[] {
  const folded = fold(text);
  return COMPILED.filter((syn) => syn.pattern.test(syn.caseSensitive ? text : folded)).map((syn) => ({ key: syn.key, alternatives: syn.alternatives }));
}

export class LexicalIndex {
  private readonly docFreq = new Map<string, number>();
  private readonly avgLength: number;

  private constructor(
    private readonly data: LexicalIndexData,
    private readonly synonymWeight: number,
  ) {
    for (const [term, list] of Object.entries(data.postings)) this.docFreq.set(term, list.length / 2);
    const total = data.lengths.reduce((a, b) => a + b, 0);
    this.avgLength = data.lengths.length ? total / data.lengths.length : 0;
  }

  static build(docs: { id: string; text: string }[], options: LexicalOptions = {}): LexicalIndex {
    const postings: Record<string, number[]> = {};
    const lengths: number[] = [];
    docs.forEach((doc, index) => {
      const tokens = tokenize(doc.text);
      lengths.push(tokens.length);
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [term, count] of tf) (postings[term] ??= []).push(index, count);
    });
    const data: LexicalIndexData = {
      formatVersion: LEXICAL_FORMAT_VERSION,
      k1: options.k1 ?? 1.2,
      b: options.b ?? 0.75,
      ids: docs.map((d) => d.id),
      lengths,
      postings,
    };
    return new LexicalIndex(data, options.synonymWeight ?? 0.6);
  }

  /** Validates a parsed lexical.json; throws a ZodError on a malformed one. */
  static fromJSON(json: unknown, options: Pick<LexicalOptions, "synonymWeight"> = {}): LexicalIndex {
    const data = LexicalIndexDataSchema.parse(json);
    if (data.lengths.length !== data.ids.length) throw new Error("lexical.json: ids and lengths differ in length");
    for (const [term, list] of Object.entries(data.postings)) {
      if (list.length % 2 !== 0 || list.some((v, i) => i % 2 === 0 && v >= data.ids.length)) {
        throw new Error(`lexical.json: postings for "${term}" are malformed`);
      }
    }
    return new LexicalIndex(data, options.synonymWeight ?? 0.6);
  }

  toJSON(): LexicalIndexData {
    return this.data;
  }

  get size(): number {
    return this.data.ids.length;
  }

  /** Inverse document frequency (BM25+ style, never negative). */
  idf(term: string): number {
    const n = this.data.ids.length;
    const df = this.docFreq.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  queryTerms(query: string): QueryTerm[] {
    return expandQuery(query, this.synonymWeight);
  }

  /** BM25 over all chunks (or those `accept` admits), best first, zero scores dropped. */
  search(query: string | QueryTerm[], k = 20, accept?: (id: string) => boolean): LexicalHit[] {
    const terms = typeof query === "string" ? this.queryTerms(query) : query;
    const { k1, b, postings, ids, lengths } = this.data;
    const scores = new Map<number, number>();
    for (const { term, weight } of terms) {
      const list = postings[term];
      if (!list) continue;
      const idf = this.idf(term);
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        const tf = list[i + 1]!;
        const norm = tf + k1 * (1 - b + (b * lengths[doc]!) / (this.avgLength || 1));
        scores.set(doc, (scores.get(doc) ?? 0) + weight * idf * ((tf * (k1 + 1)) / norm));
      }
    }
    const hits: LexicalHit[] = [];
    for (const [doc, score] of scores) {
      const id = ids[doc]!;
      if (score > 0 && (!accept || accept(id))) hits.push({ id, score });
    }
    hits.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
    return hits.slice(0, k);
  }
}
