// One JSON error shape for every failure: { error: { code, message } }. Never a stack trace.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ConversationNotFoundError } from "../conversations/conversation-asker.js";
import { ConversationOwnerError, StoreUnavailableError } from "../stores/types.js";

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorJson(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json<ApiErrorBody>({ error: { code, message } }, status);
}

const CODE_BY_STATUS: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
  503: "unavailable",
  504: "timeout",
};

/**
 * What a client may see of an error: its status, code and message. Unexpected errors are logged with
 * `where` and shown only as a generic message, never with a stack trace.
 */
export function publicError(err: unknown, where: string): { status: ContentfulStatusCode; code: string; message: string } {
  if (err instanceof ApiError) return { status: err.status, code: err.code, message: err.message };
  if (err instanceof ConversationNotFoundError || err instanceof ConversationOwnerError) {
    return { status: 404, code: "conversation_not_found", message: `No conversation with id ${err.conversationId}.` };
  }
  if (err instanceof StoreUnavailableError) {
    console.error(`[sitrep] store failure on ${where}: ${err.message}`);
    return { status: 503, code: "store_unavailable", message: "The service cannot read or write its database right now. Please try again later." };
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return { status, code: CODE_BY_STATUS[status] ?? "http_error", message: err.message || "Request failed" };
  }
  console.error(`[sitrep] unhandled error on ${where}:`, err);
  return { status: 500, code: "internal_error", message: "Something went wrong while answering. Please try again." };
}

export function handleError(err: Error, c: Context) {
  // Middleware such as bearerAuth throws a ready response (JSON body, WWW-Authenticate): send it as is.
  if (err instanceof HTTPException && err.res) return err.getResponse();
  const { status, code, message } = publicError(err, `${c.req.method} ${c.req.path}`);
  return errorJson(c, status, code, message);
}
