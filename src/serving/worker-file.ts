// Where a worker thread's module is: the compiled .js beside the caller when the service runs
// compiled (npm start), or, under tsx and vitest, the .ts source loaded through tsx-worker.mjs (which
// finds it in workerData.tsWorkerEntry).
import { fileURLToPath } from "node:url";

export interface WorkerFile {
  filename: string;
  /** Merged into the pool's workerData. */
  workerData?: { tsWorkerEntry: string };
}

/** `name` is the module's file name without extension, in the same folder as `callerUrl` (import.meta.url). */
export function workerFile(callerUrl: string, name: string): WorkerFile {
  if (callerUrl.endsWith(".ts")) {
    return { filename: fileURLToPath(new URL("./tsx-worker.mjs", import.meta.url)), workerData: { tsWorkerEntry: fileURLToPath(new URL(`./${name}.ts`, callerUrl)) } };
  }
  return { filename: fileURLToPath(new URL(`./${name}.js`, callerUrl)) };
}
