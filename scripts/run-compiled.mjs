// `node scripts/run-compiled.mjs <server|ingest> [args…]`: runs the compiled bundle of an entry point in
// this same process (so signals reach it directly), recompiling first only when a source file changed
// since the last build (a stat of each file: a few milliseconds).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compile, ENTRIES, isStale, OUT_DIR } from "./compile.mjs";

const [entry, ...args] = process.argv.slice(2);
if (!entry || !(entry in ENTRIES)) {
  console.error(`usage: node scripts/run-compiled.mjs <${Object.keys(ENTRIES).join("|")}> [args…]`);
  process.exit(2);
}
if (await isStale()) await compile({ quiet: true });
const compiled = join(OUT_DIR, `${entry}.js`);
// The entry sees itself as the script (its "am I the entry point?" check and its argv parsing).
process.argv = [process.argv[0], compiled, ...args];
await import(pathToFileURL(compiled).href);
