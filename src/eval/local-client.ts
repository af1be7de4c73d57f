// Builds the Node app in this process on the local index (DATA_DIR, default data/) and wraps it as an AskClient.
import { inProcessAskClient, type AskClient } from "./client.js";

export interface LocalClientOptions {
  env?: Record<string, string | undefined>;
}

/** Request logs would land on stdout between the report's lines: warnings and errors only, unless LOG_LEVEL asks. */
export const EVAL_LOG_LEVEL = "warn";

export async function localAskClient(options: LocalClientOptions = {}): Promise<AskClient> {
  const { createNodeSitrep } = await import("../bootstrap/node.js");
  const env = options.env ?? process.env;
  // In-process requests have no client and no key: evaluation is not a caller to authenticate or limit.
  const sitrep = await createNodeSitrep({ env: { ...env, LOG_LEVEL: env.LOG_LEVEL || EVAL_LOG_LEVEL, API_KEYS: "", RATE_LIMIT_PER_MINUTE: "0" } });
  return inProcessAskClient(sitrep.app, () => sitrep.close());
}
