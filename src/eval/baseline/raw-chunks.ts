// The recipe a developer would reach for: RecursiveCharacterTextSplitter (1000/200) over the raw seed
// text. Each chunk is located in the raw text and labelled with the refs it covers.
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { refsForSpan, seedLayout } from "./seed-layout.js";

export const BASELINE_CHUNK_SIZE = 1000;
export const BASELINE_CHUNK_OVERLAP = 200;

export interface RawChunk {
  text: string;
  start: number;
  end: number;
  refs: string[];
}

/** Offset of each line start, to turn the splitter's loc.lines into offsets when indexOf fails. */
function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") offsets.push(i + 1);
  return offsets;
}

export async function rawChunks(seedText: string): Promise<RawChunk[]> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: BASELINE_CHUNK_SIZE, chunkOverlap: BASELINE_CHUNK_OVERLAP });
  const docs = await splitter.createDocuments([seedText]);
  const layout = seedLayout(seedText);
  const lines = lineOffsets(seedText);
  let cursor = 0;
  return docs.map((doc) => {
    const text = doc.pageContent;
    let start = seedText.indexOf(text, cursor);
    if (start < 0) {
      const from = (doc.metadata as { loc?: { lines?: { from?: number } } }).loc?.lines?.from ?? 1;
      start = lines[Math.max(0, from - 1)] ?? cursor;
    }
    cursor = start + 1;
    const end = start + text.length;
    return { text, start, end, refs: refsForSpan(layout, start, end) };
  });
}
