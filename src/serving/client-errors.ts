// Requests that Node's HTTP parser rejects before Hono sees them: a malformed request line or header, an
// invalid chunk size, a body cut short, headers too large. Node's default reply is a bare "400 Bad
// Request" with no body, and it writes that reply even on a socket whose request was already answered:
// a client that gets a 413 for the body it declared and then closes without sending it received a
// stray second response after the 413. Here the reply has the JSON error shape, is written only when
// no response to the request has started, and the rejection is logged as a client error (info level,
// no stack trace). A connection the client reset or closed needs no reply and no log line.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { DEFAULT_CSP } from "../http/security-headers.js";

export interface ClientErrorLogger {
  info(fields: object, message?: string): void;
}

const GONE = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ERR_STREAM_DESTROYED"]);

const REPLY_BY_CODE: Record<string, { status: number; text: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, text: "Request Header Fields Too Large", code: "headers_too_large", message: "The request headers are too large." },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, text: "Request Timeout", code: "request_timeout", message: "The request took too long to arrive." },
};

function reply(code: string, reason: string | undefined): string {
  const known = REPLY_BY_CODE[code];
  const { status, text, ...error } = known ?? {
    status: 400,
    text: "Bad Request",
    code: "invalid_request",
    message: `The request is not valid HTTP/1.1${reason ? ` (${reason.replace(/[^\x20-\x7e]/g, "")})` : ""}.`,
  };
  const body = JSON.stringify({ error });
  return (
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `Content-Security-Policy: ${DEFAULT_CSP}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`
  );
}

export function handleClientErrors(server: Server, logger: ClientErrorLogger): void {
  /** The last request each connection brought, with its response. */
  const last = new WeakMap<Socket, { req: IncomingMessage; res: ServerResponse }>();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => last.set(req.socket, { req, res }));
  server.on("clientError", (err: NodeJS.ErrnoException & { reason?: string }, socket: Socket) => {
    const code = err.code ?? "unknown";
    if (GONE.has(code) || !socket.writable) {
      socket.destroy();
      return;
    }
    const previous = last.get(socket);
    // In the body of the last request (it never completed): reply only if its response has not started.
    // After a complete request: reply only once that request's response has been sent.
    const canReply = previous === undefined || (previous.req.complete ? previous.res.writableFinished : !previous.res.headersSent);
    logger.info({ clientError: code, reason: err.reason ?? err.message, replied: canReply }, "client error: the HTTP parser rejected the request");
    if (canReply) socket.end(reply(code, err.reason), () => socket.destroy());
    else socket.destroy();
  });
}
