// The last step of `npm run dev:worker` (after ingest and build:worker): apply the D1 migrations to the
// local database, then start `wrangler dev` with every argument given after `--`. The arguments that
// choose the config, environment or local state (--config/-c, --env/-e, --persist-to) reach the
// migrations too, so both steps use the same database.
// Usage: npm run dev:worker [-- --port 8788 --ip 127.0.0.1 --persist-to .wrangler/state]
import { spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WRANGLER = join(ROOT, "node_modules", ".bin", "wrangler");
/** wrangler dev options that also select the database `d1 migrations apply` must migrate. */
const SHARED_OPTIONS = new Set(["--config", "-c", "--env", "-e", "--persist-to"]);

/** The arguments of `devArgs` that `wrangler d1 migrations apply` must see too, in both `--x v` and `--x=v` forms. */
export function migrationArgs(devArgs: readonly string[]): string[] {
  const shared: string[] = [];
  for (let i = 0; i < devArgs.length; i++) {
    const arg = devArgs[i]!;
    const [name] = arg.split("=", 1);
    if (!SHARED_OPTIONS.has(name!)) continue;
    if (arg.includes("=")) shared.push(arg);
    else if (i + 1 < devArgs.length) shared.push(arg, devArgs[++i]!);
  }
  return shared;
}

function run(args: string[]): Promise<number> {
  return new Promise((resolveExit, reject) => {
    const child = spawn(WRANGLER, args, { cwd: ROOT, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward).on("SIGTERM", forward);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      process.off("SIGINT", forward).off("SIGTERM", forward);
      resolveExit(code ?? (signal ? 1 : 0));
    });
  });
}

async function main(): Promise<void> {
  const devArgs = process.argv.slice(2);
  const migrated = await run(["d1", "migrations", "apply", "DB", "--local", ...migrationArgs(devArgs)]);
  if (migrated !== 0) {
    console.error("dev:worker: applying the D1 migrations to the local database failed; wrangler dev was not started.");
    process.exit(migrated);
  }
  process.exit(await run(["dev", ...devArgs]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`dev:worker failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
