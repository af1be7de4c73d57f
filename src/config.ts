// Runtime configuration, read from env once at start-up and validated with zod.
import { z } from "zod";
import { parseApiKeys } from "./http/api-keys.js";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

/** `VAR=` means the default, not 0 (z.coerce.number turns "" into 0, which would turn rate limits off). */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema);

/**
 * Why an entry of WIDGET_ORIGINS could never match a browser's Origin header, or would match one it
 * should not (`null`, the origin of sandboxed frames and local files): not http(s), or not serialised the
 * way browsers do (lower-case host, no default port, no path or trailing slash).
 */
function originProblem(entry: string): string | undefined {
  if (entry === "null") return `"null" is the origin of sandboxed frames and local files, which anyone can make: it cannot be allowed`;
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return `"${entry}" is not an origin (scheme://host[:port])`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `"${entry}" is not an http or https origin`;
  if (url.origin !== entry) return `"${entry}" is not written as browsers send an Origin: use "${url.origin}"`;
  return undefined;
}

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("data"),
  /**
   * Comma-separated origins allowed to call the API from a browser (the widget), each written exactly as
   * a browser sends it in Origin, since requests are matched against them exactly.
   */
  WIDGET_ORIGINS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .superRefine((origins, ctx) => {
      for (const origin of origins) {
        const problem = originProblem(origin);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }
    }),
  /** Milliseconds an answer may take before the request gets 504. */
  ANSWER_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Answer worker threads (Node); unset = one per core, 0 = answer on the main thread. */
  ANSWER_THREADS: unsetIfEmpty(z.coerce.number().int().min(0).max(64).optional()),
  /** Questions whose query embedding is kept (an exact-text LRU per encoder); 0 turns the cache off. */
  QUERY_CACHE_SIZE: unsetIfEmpty(z.coerce.number().int().min(0).default(1000)),
  /** After SIGTERM/SIGINT, how long in-flight requests (SSE included) may take before the server exits anyway. */
  SHUTDOWN_GRACE_MS: unsetIfEmpty(z.coerce.number().int().min(0).default(10_000)),
  EMBEDDINGS_PROVIDER: z.enum(["use-lite", "openai"]).default("use-lite"),
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_BASE_URL: optionalString,
  LLM_BASE_URL: optionalString,
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  /** Milliseconds of the answer budget kept back from the LLM, so the extractive fallback still arrives in time. */
  LLM_FALLBACK_MARGIN_MS: unsetIfEmpty(z.coerce.number().int().min(0).default(1500)),
  /** How the final answer's structure is asked for: response_format json_schema, or a forced tool call (servers without json_schema). */
  LLM_STRUCTURED_OUTPUT: z.enum(["json_schema", "tool_call"]).default("json_schema"),
  /** Tool-calling rounds (report_numbers, search_report) the model may take before it must answer. */
  LLM_TOOL_ROUNDS: unsetIfEmpty(z.coerce.number().int().min(0).max(10).default(3)),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  /** Base URL of Slack's Web API; tests point it at a local recorder. */
  SLACK_API_URL: z.string().url().default("https://slack.com/api/"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** Comma-separated `name:sha256hex[:widget]`; empty leaves the API open (keys off). */
  API_KEYS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const parsed = parseApiKeys(v);
      if (parsed.ok) return parsed.keys;
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }),
  /** Requests per minute per API key (or per client address when keys are off); 0 turns limits off. */
  RATE_LIMIT_PER_MINUTE: unsetIfEmpty(z.coerce.number().int().min(0).default(60)),
  /** How many proxies in front of the service set X-Forwarded-For ("true" = 1); 0/false ignores the header. */
  TRUST_PROXY: z
    .string()
    .trim()
    .default("false")
    .transform((v, ctx) => {
      const lower = v.toLowerCase();
      if (lower === "" || lower === "false") return 0;
      if (lower === "true") return 1;
      if (/^\d{1,2}$/.test(v)) return Number(v);
      ctx.addIssue({ code: "custom", message: "expected true, false or a number of proxy hops" });
      return z.NEVER;
    }),
  /** Earlier turns of a conversation the pipeline sees; storage keeps them all. */
  HISTORY_TURNS: unsetIfEmpty(z.coerce.number().int().min(0).max(1000).default(20)),
  /** Turns and feedback older than this many days are deleted (at start-up, then hourly); empty keeps everything. */
  RETENTION_DAYS: optionalString.pipe(z.coerce.number<string | undefined>().positive().max(36500).optional()),
});

export type AppConfig = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Never echoed in configuration errors (API_KEYS may hold a plain key pasted by mistake). */
const SECRET_VARS = new Set(["API_KEYS", "SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "LLM_API_KEY"]);

/** Parses env into config; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const shown = (name: string) => (SECRET_VARS.has(name) ? "a value not shown" : JSON.stringify(env[name]));
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message} (got ${shown(String(i.path[0]))})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
