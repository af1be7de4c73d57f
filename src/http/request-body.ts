// Every request body is read here, once, before any route sees it. Over the limit is 413: at once when
// Content-Length declares it, or as the bytes of a chunked body arrive (Hono's bodyLimit reads only
// those). A body that cannot be read (a malformed chunked encoding that Node's parser rejects, a
// connection cut mid-body) is the client's error, 400, not an unhandled 500: routes, the JSON validator
// and Slack's signature check then only ever see a complete body.
import type { MiddlewareHandler } from "hono";
import { ApiError, errorJson } from "./errors.js";

export function requestBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = new ApiError(413, "payload_too_large", `The request body is over ${maxBytes / 1024} KB.`);
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header("content-length");
    // With Transfer-Encoding, Content-Length is ignored (RFC 9112), as Node's parser does.
    if (declared !== undefined && !c.req.raw.headers.has("transfer-encoding") && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
      return errorJson(c, tooLarge.status, tooLarge.code, tooLarge.message);
    }
    const bytes = await readAtMost(body, maxBytes);
    if (bytes === null) return errorJson(c, tooLarge.status, tooLarge.code, tooLarge.message);
    c.req.raw = new Request(c.req.raw, { body: bytes });
    await next();
  };
}

/** The whole body, or null once it is over `maxBytes` (the rest is left unread). */
async function readAtMost(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
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
    throw new ApiError(400, "invalid_request", "The request body could not be read: its chunked encoding is malformed, or the connection closed before it ended.");
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) bytes.set(chunk, offset), (offset += chunk.byteLength);
  return bytes;
}
