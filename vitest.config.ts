import { configDefaults, defineConfig } from "vitest/config";

// Two projects: "node" (everything in Node, in forks) and "workerd" (test/worker/workerd, inside the
// Workers runtime through @cloudflare/vitest-pool-workers; see vitest.workerd.config.ts).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The encoder and the index are heavy; keep parallelism modest on 2-core machines.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          // Compiles dist/node once, before any test spawns `npm start` (see test/global-setup.ts).
          globalSetup: ["test/global-setup.ts"],
          exclude: [...configDefaults.exclude, "test/worker/workerd/**"],
          pool: "forks",
        },
      },
      "./vitest.workerd.config.ts",
    ],
  },
});
