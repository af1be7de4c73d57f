// Where a worker thread's module is, and how to start it: the compiled .js beside the caller when the
// service runs compiled (npm start), or the .ts source loaded through tsx under tsx and vitest.
import { fileURLToPath } from "node:url";

export interface WorkerFile {
  filename: string;
  execArgv?: string[];
}

/** `name` is the module's file name without extension, in the same folder as `callerUrl` (import.meta.url). */
export function workerFile(callerUrl: string, name: string): WorkerFile {
  if (callerUrl.endsWith(".ts")) return { filename: fileURLToPath(new URL(`./${name}.ts`, callerUrl)), execArgv: ["--import", "tsx"] };
  return { filename: fileURLToPath(new URL(`./${name}.js`, callerUrl)) };
}
