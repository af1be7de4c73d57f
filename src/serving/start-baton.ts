// Staggers the answer workers' start on a small machine. Loading the index and the encoder is CPU
// work; started all at once beside the main thread, N workers share the cores and the first is ready
// only when all are. So the first `eager` workers (one core is left to the main thread) load at once
// and the others wait until one worker is ready: the service answers sooner, the rest follow.
import { availableParallelism } from "node:os";

export interface StartBaton {
  /** [tickets taken, workers ready] */
  buffer: SharedArrayBuffer;
  eager: number;
}

const TICKETS = 0;
const READY = 1;

// In Node since 16; TypeScript's lib has it only from ES2024.
const waitAsync = (Atomics as unknown as {
  waitAsync(view: Int32Array, index: number, value: number): { async: boolean; value: Promise<string> | string };
}).waitAsync;

export function createStartBaton(threads: number, cores = availableParallelism()): StartBaton {
  return { buffer: new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT), eager: Math.min(threads, Math.max(1, cores - 1)) };
}

/** In a worker, before loading: returns at once for an eager worker, else once a worker is ready. */
export async function waitForTurn(baton: StartBaton | undefined): Promise<void> {
  if (!baton) return;
  const view = new Int32Array(baton.buffer);
  if (Atomics.add(view, TICKETS, 1) < baton.eager) return;
  while (Atomics.load(view, READY) === 0) {
    const { async, value } = waitAsync(view, READY, 0);
    if (async) await value;
  }
}

/** In a worker, once loaded. */
export function passBaton(baton: StartBaton | undefined): void {
  if (!baton) return;
  const view = new Int32Array(baton.buffer);
  Atomics.add(view, READY, 1);
  Atomics.notify(view, READY);
}
