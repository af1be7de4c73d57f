import { join, resolve } from "node:path";
import type { AppConfig } from "../config.js";

/** Where the index lives: DATA_DIR/index. */
export function indexDirFor(config: Pick<AppConfig, "DATA_DIR">): string {
  return join(resolve(config.DATA_DIR), "index");
}
