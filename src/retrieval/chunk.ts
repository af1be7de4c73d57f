// The chunk contract shared by ingest (which writes chunks.json) and retrieval (which reads it).
import { z } from "zod";

export const CHUNK_KINDS = ["paragraph", "annex-i", "annex-ii"] as const;
export type ChunkKind = (typeof CHUNK_KINDS)[number];

export const ChunkMetadataSchema = z.object({
  /** Unique per chunk: "p47", "p18.2" (second part of a split para. 18), "a1-2.3", "a2-Senegal". */
  id: z.string().min(1),
  /** Citable unit; every part of a split paragraph shares it: "para. 47", "Annex I 2.3", "Annex II Senegal". */
  ref: z.string().min(1),
  kind: z.enum(CHUNK_KINDS),
  /** Paragraph number (kind "paragraph" only). */
  paragraph: z.number().int().positive().optional(),
  /** Annex ("I" | "II") and its row key ("2.3", "Senegal", "Total") for annex chunks. */
  annex: z.enum(["I", "II"]).optional(),
  rowKey: z.string().optional(),
  chapter: z.string(),
  section: z.string().nullable(),
  /** 1-based part index and part count when a long paragraph was split; 1/1 otherwise. */
  part: z.number().int().positive(),
  parts: z.number().int().positive(),
  /** Sub-item labels ("a", "b") whose text is in this chunk. */
  subItems: z.array(z.string()),
  /** The raw text of this chunk, without the heading prefix added for embedding. */
  text: z.string().min(1),
});
export type ChunkMetadata = z.infer<typeof ChunkMetadataSchema>;

export const StoredChunkSchema = z.object({
  pageContent: z.string().min(1),
  metadata: ChunkMetadataSchema,
});
export const StoredChunksSchema = z.array(StoredChunkSchema).min(1);
