// The "workerd" test project: test/worker/workerd runs inside workerd (miniflare) with the real
// wrangler.toml, a local D1, the real index as static assets, and a second Worker (the dry-run
// deploy bundle) bound as SECOND_ISOLATE, sharing the D1 database: what a fresh isolate sees.
// test/worker/workerd/global-setup.ts builds what this needs, in Node, and provides the paths.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { dirname } from "node:path";
import { defineConfig } from "vitest/config";
import { D1_DATABASE_ID, WORKERD_COMPATIBILITY } from "./test/worker/workerd/setup-values.js";

export default defineConfig({
  plugins: [
    cloudflareTest(async ({ inject }) => ({
      main: "./src/worker.ts",
      remoteBindings: false,
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        assets: { directory: inject("workerAssetsDir"), binding: "ASSETS", routerConfig: { invoke_user_worker_ahead_of_assets: true } },
        d1Databases: { DB: D1_DATABASE_ID, UNMIGRATED_DB: "sitrep-unmigrated" },
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
          SLACK_SIGNING_SECRET: "test-secret",
          SLACK_BOT_TOKEN: "xoxb-test",
          SLACK_API_URL: inject("slackApiUrl"),
          SLACK_CALLS_URL: inject("slackCallsUrl"),
          ANSWER_TIMEOUT_MS: "45000",
          // The suite asks more than a minute's budget from one address; rate-limit.test.ts sets its own limit.
          RATE_LIMIT_PER_MINUTE: "0",
        },
        serviceBindings: { SECOND_ISOLATE: "sitrep-second-isolate" },
        workers: [
          {
            name: "sitrep-second-isolate",
            modules: true,
            scriptPath: inject("workerBundleFile"),
            modulesRoot: dirname(inject("workerBundleFile")),
            ...WORKERD_COMPATIBILITY,
            d1Databases: { DB: D1_DATABASE_ID },
            assets: { directory: inject("workerAssetsDir"), binding: "ASSETS", routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true } },
            bindings: {
              SLACK_SIGNING_SECRET: "test-secret",
              SLACK_BOT_TOKEN: "xoxb-test",
              SLACK_API_URL: inject("slackApiUrl"),
              ANSWER_TIMEOUT_MS: "45000",
              RATE_LIMIT_PER_MINUTE: "0",
            },
          },
        ],
      },
    })),
  ],
  test: {
    name: "workerd",
    include: ["test/worker/workerd/**/*.test.ts"],
    globalSetup: ["./test/worker/workerd/global-setup.ts"],
    setupFiles: ["./test/worker/workerd/apply-migrations.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
