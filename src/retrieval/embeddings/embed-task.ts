// What crosses between PooledEmbeddings and its encoder threads (embed-worker).
export type EmbedTask =
  | { kind: "query"; text: string }
  | {
      kind: "documents";
      batches: string[][];
      /** Int32 [next batch to take, texts embedded so far], shared by the threads working on the list. */
      progress: SharedArrayBuffer;
    };

/** A query's vector, or the batches of documents a thread took, by their index in the list. */
export type EmbedResult = number[] | { index: number; vectors: number[][] }[];

export const NEXT_BATCH = 0;
export const TEXTS_DONE = 1;
