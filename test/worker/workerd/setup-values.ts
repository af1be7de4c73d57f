// Values the workerd test project's config and global setup share (read in Node).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../helpers/index-fixture.js";

const WRANGLER_TOML = readFileSync(join(REPO_ROOT, "wrangler.toml"), "utf8");
const tomlValue = (key: string) => WRANGLER_TOML.match(new RegExp(`^${key}\\s*=\\s*(.+?)\\s*(#.*)?$`, "m"))?.[1];

/** The D1 database of wrangler.toml: the test Worker and the second isolate share it, as two isolates of one deployment do. */
export const D1_DATABASE_ID = JSON.parse(tomlValue("database_id") ?? '""') as string;

/** The second isolate runs the dry-run bundle with wrangler.toml's compatibility settings. */
export const WORKERD_COMPATIBILITY = {
  compatibilityDate: JSON.parse(tomlValue("compatibility_date") ?? '""') as string,
  compatibilityFlags: JSON.parse(tomlValue("compatibility_flags") ?? "[]") as string[],
};

declare module "vitest" {
  export interface ProvidedContext {
    /** dist/worker-assets as build:worker writes it, for the real index. */
    workerAssetsDir: string;
    /** worker.js from `wrangler deploy --dry-run`. */
    workerBundleFile: string;
    /** SLACK_API_URL: the Slack Web API recorder on 127.0.0.1. */
    slackApiUrl: string;
    /** GET it for the calls the recorder has seen (JSON). */
    slackCallsUrl: string;
  }
}
