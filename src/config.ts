// Runtime configuration, read from env once at start-up and validated with zod.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

/** An empty variable (`X=` in an env file) means unset, not 0. */
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("data"),
  /** Comma-separated origins allowed to call the API from a browser (the widget). */
  WIDGET_ORIGINS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)),
  /** Milliseconds an answer may take before the request gets 504. */
  ANSWER_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Answer worker threads (Node); unset = one per core, 0 = answer on the main thread. */
  ANSWER_THREADS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(64).optional()),
  /** Questions whose query embedding is kept (an exact-text LRU per encoder); 0 turns the cache off. */
  QUERY_CACHE_SIZE: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).default(1000)),
  /** After SIGTERM/SIGINT, how long in-flight requests (SSE included) may take before the server exits anyway. */
  SHUTDOWN_GRACE_MS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).default(10_000)),
  EMBEDDINGS_PROVIDER: z.enum(["use-lite", "openai"]).default("use-lite"),
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_BASE_URL: optionalString,
  LLM_BASE_URL: optionalString,
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  /** Base URL of Slack's Web API; tests point it at a local recorder. */
  SLACK_API_URL: z.string().url().default("https://slack.com/api/"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type AppConfig = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Parses env into config; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
