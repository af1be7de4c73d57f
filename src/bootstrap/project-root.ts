// The project's root folder (the one holding package.json), found from this file's location so that
// it is the same whether the code runs from source (src/…) or compiled (dist/node/src/…).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);

/** True when this code runs as compiled JavaScript (npm start), false under tsx or vitest. */
export const RUNNING_COMPILED = import.meta.url.endsWith(".js");
