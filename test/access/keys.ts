// API keys for tests, made the way `npm run keys:new` makes them: the plain key for the client, the
// `name:sha256hex[:widget]` entry for API_KEYS.
import { newApiKey, type NewKey } from "../../scripts/keys-new.js";

export interface TestKeys {
  alice: NewKey;
  bob: NewKey;
  site: NewKey; // widget-only
  API_KEYS: string;
}

export async function testKeys(): Promise<TestKeys> {
  const alice = await newApiKey("alice");
  const bob = await newApiKey("bob");
  const site = await newApiKey("site", true);
  return { alice, bob, site, API_KEYS: [alice.entry, bob.entry, site.entry].join(",") };
}

export const bearer = (key: { key: string }) => ({ authorization: `Bearer ${key.key}` });

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export function postAs(app: App, path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}
