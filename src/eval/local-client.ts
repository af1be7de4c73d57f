// Builds the Node app in this process on the local index (DATA_DIR, default data/) and wraps it as an AskClient.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { createScratchDataDir } from "../bootstrap/scratch-data-dir.js";
import { inProcessAskClient, type AskClient } from "./client.js";

export interface LocalClientOptions {
  env?: Record<string, string | undefined>;
}

/** Request logs would land on stdout between the report's lines: warnings and errors only, unless LOG_LEVEL asks. */
export const EVAL_LOG_LEVEL = "warn";

export async function localAskClient(options: LocalClientOptions = {}): Promise<AskClient> {
  const { createNodeSitrep } = await import("../bootstrap/node.js");
  const env = options.env ?? process.env;
  // The eval's turns go to a database of its own, deleted afterwards: never into the user's sitrep.db.
  // (Without an index there is nothing to link: the app then reports the missing index as usual.)
  const index = join(resolve(env.DATA_DIR || "data"), "index");
  const scratch = existsSync(index) ? createScratchDataDir(index, "sitrep-eval-data-") : undefined;
  try {
    // In-process requests have no client and no key: evaluation is not a caller to authenticate or limit.
    const sitrep = await createNodeSitrep({
      env: { ...env, ...(scratch ? { DATA_DIR: scratch.dir } : {}), LOG_LEVEL: env.LOG_LEVEL || EVAL_LOG_LEVEL, API_KEYS: "", RATE_LIMIT_PER_MINUTE: "0" },
    });
    return inProcessAskClient(sitrep.app, async () => {
      await sitrep.close();
      scratch?.dispose();
    });
  } catch (err) {
    scratch?.dispose();
    throw err;
  }
}
