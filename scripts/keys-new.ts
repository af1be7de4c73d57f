// npm run keys:new -- NAME [--widget]: prints a new random API key and the API_KEYS entry for it.
// Only the entry (the key's SHA-256) goes into the service's environment; the key goes to the client.
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { isValidKeyName, RESERVED_PRINCIPALS, sha256Hex } from "../src/http/api-keys.js";

export interface NewKey {
  key: string;
  entry: string;
}

/** 32 random bytes, base64url: 256 bits, and only characters a Bearer token may hold. */
export async function newApiKey(name: string, widget = false): Promise<NewKey> {
  if (!isValidKeyName(name)) {
    throw new Error(`The name must be 1-64 letters, digits, '.', '_' or '-', and not ${RESERVED_PRINCIPALS.join(" or ")}.`);
  }
  const key = `sitrep_${randomBytes(32).toString("base64url")}`;
  return { key, entry: `${name}:${await sha256Hex(key)}${widget ? ":widget" : ""}` };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { widget: { type: "boolean", default: false } } });
  if (positionals.length !== 1) {
    console.error("Usage: npm run keys:new -- NAME [--widget]");
    return 2;
  }
  try {
    const { key, entry } = await newApiKey(positionals[0]!, values.widget);
    console.log(`key:   ${key}`);
    console.log(`entry: ${entry}`);
    console.log("");
    console.log("Give the key to the client (it is not stored anywhere) and add the entry to API_KEYS (comma-separated).");
    if (values.widget) console.log("A widget key works only from WIDGET_ORIGINS: put it in the widget's data-key attribute.");
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main(process.argv.slice(2));
