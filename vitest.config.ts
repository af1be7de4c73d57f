import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The encoder and the index are heavy; keep parallelism modest on 2-core machines.
    pool: "forks",
    maxWorkers: 2,
  },
});
