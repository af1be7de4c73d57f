// API keys on /v1/*: Hono's bearerAuth with our key list, the JSON error shape, and widget keys' limits.
// With API_KEYS empty every caller is "anonymous" and the API is open.
import type { Context, MiddlewareHandler } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import type { AppConfig } from "../config.js";
import { ANONYMOUS_OWNER } from "../stores/types.js";
import { findApiKey, type ApiKeyEntry } from "./api-keys.js";
import { ApiError, type ApiErrorBody } from "./errors.js";

export interface Caller {
  /** Owns the conversations and answers it creates: the key's name, or "anonymous" with keys off. */
  principal: string;
  key?: ApiKeyEntry;
}

declare module "hono" {
  interface ContextVariableMap {
    sitrepCaller: Caller;
  }
}

const ANONYMOUS: Caller = { principal: ANONYMOUS_OWNER };

export function callerOf(c: Context): Caller {
  return c.get("sitrepCaller") ?? ANONYMOUS;
}

export const principalOf = (c: Context): string => callerOf(c).principal;

/** What a widget key may call; everything else (stored answers, annexes) needs a full key. */
const WIDGET_ROUTES: readonly [method: string, path: RegExp][] = [
  ["POST", /^\/v1\/(?:ask|chat|feedback)$/],
  ["GET", /^\/v1\/paragraphs\/[^/]+$/],
];

export function apiKeyAuth(config: AppConfig): MiddlewareHandler {
  const keys = config.API_KEYS;
  if (keys.length === 0) return async (_c, next) => next();
  const unauthorized = (message: string) => (c: Context) =>
    c.json<ApiErrorBody>({ error: { code: "unauthorized", message } }, 401);
  const authenticate = bearerAuth({
    verifyToken: async (token, c) => {
      const key = await findApiKey(keys, token);
      if (key) c.set("sitrepCaller", { principal: key.name, key });
      return key !== undefined;
    },
    noAuthenticationHeader: { message: unauthorized("This API needs a key: send it as Authorization: Bearer <key>.") },
    invalidAuthenticationHeader: { message: unauthorized("Send the API key as Authorization: Bearer <key>.") },
    invalidToken: { message: unauthorized("The API key is not valid.") },
  });
  return (c, next) =>
    authenticate(c, async () => {
      const key = callerOf(c).key;
      if (key?.widget) checkWidgetKey(c, config.WIDGET_ORIGINS);
      await next();
    });
}

function checkWidgetKey(c: Context, origins: readonly string[]): void {
  const origin = c.req.header("origin");
  if (origin === undefined || !origins.includes(origin)) {
    throw new ApiError(403, "forbidden", "This is a widget key: it works only from the pages listed in WIDGET_ORIGINS.");
  }
  if (!WIDGET_ROUTES.some(([method, path]) => method === c.req.method && path.test(c.req.path))) {
    throw new ApiError(403, "forbidden", "This is a widget key: it may only ask, chat, give feedback and read paragraphs.");
  }
}
