// Builds the Node app in this process on the local index (DATA_DIR, default data/) and wraps it as an AskClient.
import { inProcessAskClient, type AskClient } from "./client.js";

export interface LocalClientOptions {
  env?: Record<string, string | undefined>;
}

export async function localAskClient(options: LocalClientOptions = {}): Promise<AskClient> {
  const { createNodeSitrep } = await import("../bootstrap/node.js");
  const sitrep = await createNodeSitrep({ env: options.env ?? process.env });
  return inProcessAskClient(sitrep.app, () => sitrep.close());
}
