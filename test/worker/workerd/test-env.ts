// The bindings vitest.workerd.config.ts gives the test Worker.
import type { D1Database } from "@cloudflare/workers-types";

export interface FetchBinding {
  fetch(input: string | Request, init?: RequestInit): Promise<Response>;
}

export interface WorkerdTestEnv {
  DB: D1Database;
  /** A D1 database no migration was applied to. */
  UNMIGRATED_DB: D1Database;
  ASSETS: FetchBinding;
  /** The dry-run deploy bundle in its own Worker (its own isolate), on the same D1 database. */
  SECOND_ISOLATE: FetchBinding;
  TEST_MIGRATIONS: { name: string; queries: string[] }[];
  SLACK_SIGNING_SECRET: string;
  SLACK_BOT_TOKEN: string;
  SLACK_API_URL: string;
  /** The Slack recorder's calls, as JSON. */
  SLACK_CALLS_URL: string;
  ANSWER_TIMEOUT_MS: string;
}
