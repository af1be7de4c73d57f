// Builds the Node app in this process on the local index (DATA_DIR, default data/) and wraps it as an AskClient.
import { inProcessAskClient, type AskClient } from "./client.js";

export interface LocalClientOptions {
  env?: Record<string, string | undefined>;
}

export async function localAskClient(options: LocalClientOptions = {}): Promise<AskClient> {
  const { createNodeSitrep } = await import("../bootstrap/node.js");
  // In-process requests have no client and no key: evaluation is not a caller to authenticate or limit.
  const sitrep = await createNodeSitrep({ env: { ...(options.env ?? process.env), API_KEYS: "", RATE_LIMIT_PER_MINUTE: "0" } });
  return inProcessAskClient(sitrep.app, () => sitrep.close());
}
