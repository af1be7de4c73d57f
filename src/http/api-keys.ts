// API keys: API_KEYS is a comma-separated list of `name:sha256hex[:widget]`. Only the SHA-256 of a key is
// configured, so the environment never holds a usable secret. Runs on Node and in Workers (Web Crypto).

/** Principals the service uses itself; a key may not take their names (it would own their conversations). */
export const RESERVED_PRINCIPALS = ["anonymous", "slack"] as const;

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export interface ApiKeyEntry {
  /** The principal: conversations and answers asked with this key belong to it. */
  name: string;
  sha256: string;
  /** Widget keys ship inside web pages: only ask, chat, feedback and paragraphs, only from WIDGET_ORIGINS. */
  widget: boolean;
}

export type ParsedApiKeys = { ok: true; keys: ApiKeyEntry[] } | { ok: false; error: string };

export function isValidKeyName(name: string): boolean {
  return NAME.test(name) && !(RESERVED_PRINCIPALS as readonly string[]).includes(name.toLowerCase());
}

export function parseApiKeys(text: string): ParsedApiKeys {
  const keys: ApiKeyEntry[] = [];
  const entries = text.split(",").map((s) => s.trim()).filter(Boolean);
  for (const [i, entry] of entries.entries()) {
    const where = `entry ${i + 1}`;
    const [name = "", sha256 = "", flag, ...rest] = entry.split(":");
    if (rest.length > 0 || (flag !== undefined && flag !== "widget")) {
      return { ok: false, error: `${where} must be name:sha256hex or name:sha256hex:widget` };
    }
    if (!isValidKeyName(name)) {
      return { ok: false, error: `${where}: the name must be 1-64 letters, digits, '.', '_' or '-' and not ${RESERVED_PRINCIPALS.join(" or ")}` };
    }
    if (!SHA256_HEX.test(sha256)) return { ok: false, error: `${where} (${name}): the hash must be 64 lowercase hex digits (the key's SHA-256)` };
    if (keys.some((k) => k.name === name)) return { ok: false, error: `${where}: the name ${name} is used twice` };
    if (keys.some((k) => k.sha256 === sha256)) return { ok: false, error: `${where} (${name}): the same key is listed twice` };
    keys.push({ name, sha256, widget: flag === "widget" });
  }
  return { ok: true, keys };
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The key whose hash matches, comparing every configured hash in full so timing reveals nothing. */
export async function findApiKey(keys: readonly ApiKeyEntry[], presented: string): Promise<ApiKeyEntry | undefined> {
  const hash = await sha256Hex(presented);
  let found: ApiKeyEntry | undefined;
  for (const key of keys) if (constantTimeEqual(key.sha256, hash) && !found) found = key;
  return found;
}

/** Equal-length strings compared without an early exit (both are hex digests here). */
function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
