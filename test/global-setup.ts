// Before any test: bring the compiled bundles (dist/node, what `npm start` and `npm run ingest` run)
// up to date once, so test files that spawn the real start command never compile at the same time.
import { compile, isStale } from "../scripts/compile.mjs";

export default async function setup(): Promise<void> {
  if (await isStale()) await compile({ quiet: true });
}
