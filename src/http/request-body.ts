// Every request body is read here, once, before any route sees it. Over the limit is 413: at once when
// Content-Length declares it, or as the bytes of a chunked body arrive (Hono's bodyLimit reads only
// those). A body that cannot be read (a malformed chunked encoding that Node's parser rejects, a
// connection cut mid-body) is the client's error, 400, not an unhandled 500: routes, the JSON validator
// and Slack's signature check then only ever see a complete body.
//
// The bytes go into the request's body cache (c.req.arrayBuffer/text/json read them from there), so
// routes read the body through c.req, never c.req.raw. A body with a Content-Length within the limit is
// read in one go (under @hono/node-server, straight from the socket: no web stream, no copy of the
// Request); the HTTP parser delivers exactly the declared bytes, so the limit holds. Only a chunked body,
// whose size is known only as it arrives, is read as a stream and counted chunk by chunk.
import type { Context, MiddlewareHandler } from "hono";
import { ApiError, errorJson } from "./errors.js";

const unreadable = () =>
  new ApiError(400, "invalid_request", "The request body could not be read: its chunked encoding is malformed, or the connection closed before it ended.");

export function requestBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = new ApiError(413, "payload_too_large", `The request body is over ${maxBytes / 1024} KB.`);
  return async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") return next();
    const declared = c.req.header("content-length");
    // With Transfer-Encoding, Content-Length is ignored (RFC 9112), as Node's parser does.
    const length = declared !== undefined && c.req.header("transfer-encoding") === undefined && /^\d+$/.test(declared) ? Number(declared) : undefined;
    if (length !== undefined && length > maxBytes) return errorJson(c, tooLarge.status, tooLarge.code, tooLarge.message);
    let bytes: ArrayBuffer | null;
    if (length !== undefined) {
      bytes = await c.req.raw.arrayBuffer().catch(() => {
        throw unreadable();
      });
    } else {
      const body = c.req.raw.body;
      if (!body) return next();
      bytes = await readAtMost(body, maxBytes);
      if (bytes === null) return errorJson(c, tooLarge.status, tooLarge.code, tooLarge.message);
    }
    cacheBody(c, bytes);
    await next();
  };
}

/** What c.req's body readers find: the bytes, and their text (json() parses the text). */
function cacheBody(c: Context, bytes: ArrayBuffer): void {
  // Hono keeps the promises of its body readers there (its type names the values they resolve to).
  const cache = c.req.bodyCache as Record<string, Promise<unknown>>;
  cache.arrayBuffer = Promise.resolve(bytes);
  cache.text = Promise.resolve(new TextDecoder().decode(bytes));
}

/** The whole body, or null once it is over `maxBytes` (the rest is left unread). */
async function readAtMost(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<ArrayBuffer | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        reader.releaseLock();
        return null;
      }
      chunks.push(value);
    }
  } catch {
    throw unreadable();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) bytes.set(chunk, offset), (offset += chunk.byteLength);
  return bytes.buffer;
}
