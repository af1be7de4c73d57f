// npm run eval -- --suite FILE [--url http://host:port [--api-key KEY]] [--junit out.xml] [--json out.json]
//                 [--min-pass 0.9] [--concurrency 4] [--baseline] [--seed seeds/S-2017-478.txt]
import { parseArgs } from "node:util";
import { DEFAULT_MIN_PASS, DEFAULT_SEED_FILE, evaluate } from "./evaluate.js";
import { DEFAULT_CONCURRENCY } from "./runner.js";

const USAGE = `usage: npm run eval -- --suite FILE [options]
  --suite FILE        golden suite (JSONL, one case a line; // and # comments allowed)
  --url URL           evaluate a running service (POST URL/v1/ask); default: build the app in-process on DATA_DIR
  --api-key KEY       API key for --url when the service has API_KEYS set (default: env SITREP_API_KEY)
  --junit FILE        write JUnit XML
  --json FILE         write every case record and the summary as JSON
  --min-pass RATE     exit non-zero when the case pass rate is below RATE (default ${DEFAULT_MIN_PASS})
  --concurrency N     cases in flight at once (default ${DEFAULT_CONCURRENCY}); follow-ups stay sequential
  --baseline          also score retrieval of the plain LangChain recipe (1000/200 raw chunks, same encoder, HNSWLib)
  --seed FILE         raw seed text for --baseline (default ${DEFAULT_SEED_FILE})`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function numberArg(value: string | undefined, name: string, check: (n: number) => boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) fail(`invalid --${name}: ${value}`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        suite: { type: "string" },
        url: { type: "string" },
        "api-key": { type: "string" },
        junit: { type: "string" },
        json: { type: "string" },
        "min-pass": { type: "string" },
        concurrency: { type: "string" },
        baseline: { type: "boolean", default: false },
        seed: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.suite) fail("--suite is required");
  const minPass = numberArg(values["min-pass"], "min-pass", (n) => n >= 0 && n <= 1) ?? DEFAULT_MIN_PASS;
  const concurrency = numberArg(values.concurrency, "concurrency", (n) => Number.isInteger(n) && n >= 1) ?? DEFAULT_CONCURRENCY;
  if (values.url !== undefined && !/^https?:\/\//.test(values.url)) fail(`invalid --url: ${values.url}`);
  if (values["api-key"] !== undefined && values.url === undefined) fail("--api-key needs --url (the in-process app needs no key)");
  const apiKey = values.url === undefined ? undefined : (values["api-key"] ?? (process.env.SITREP_API_KEY || undefined));

  const report = await evaluate({
    suite: values.suite,
    ...(values.url ? { url: values.url } : {}),
    ...(apiKey ? { apiKey } : {}),
    ...(values.junit ? { junit: values.junit } : {}),
    ...(values.json ? { json: values.json } : {}),
    minPass,
    concurrency,
    baseline: values.baseline,
    ...(values.seed ? { seedFile: values.seed } : {}),
    progress: (line) => process.stderr.write(`${line}\n`),
    print: (text) => process.stdout.write(`${text}\n`),
  });
  process.exitCode = report.exitCode;
}

main().catch((err: unknown) => {
  process.stderr.write(`eval failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 2;
});
