// The worker module that loads a TypeScript worker (under tsx and vitest; compiled runs load the .js
// directly). tsx's own API imports it, so its loader is in place before the first import, which
// `--import tsx` in a worker's execArgv does not guarantee.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const worker = await tsImport(workerData.tsWorkerEntry, import.meta.url);
export default worker.default;
