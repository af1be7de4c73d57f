// One structured log line per request: request id, method, path, matched route, status, latency and,
// for questions, the way the answer was found. A streamed response (SSE) is logged when its body ends,
// so its line carries the whole stream's latency and the answer's route.
import type { MiddlewareHandler } from "hono";
import type { AnswerRoute } from "../../answer/contract.js";

declare module "hono" {
  interface ContextVariableMap {
    /** Set by the answering routes from the pipeline's turn. */
    answerRoute: AnswerRoute;
  }
}

/** The part of a pino logger the app uses (pino's own signature: fields first, then the message). */
export interface AppLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

export function requestLog(logger: AppLogger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const line = () => {
      const status = c.res.status;
      const fields = {
        reqId: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        route: c.req.routePath,
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(c.get("answerRoute") ? { answerRoute: c.get("answerRoute") } : {}),
      };
      if (status >= 500) logger.error(fields, "request");
      else logger.info(fields, "request");
    };
    const body = c.res.body;
    if (body && c.res.headers.get("content-type")?.startsWith("text/event-stream")) {
      c.res = new Response(onEnd(body, line), c.res);
    } else {
      line();
    }
  };
}

/** The same bytes, calling `done` once when the stream ends, fails or is cancelled by the client. */
function onEnd(body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let called = false;
  const once = () => {
    if (!called) (called = true), done();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: finished, value } = await reader.read();
        if (finished) {
          once();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (err) {
        once();
        controller.error(err);
      }
    },
    async cancel(reason) {
      once();
      await reader.cancel(reason);
    },
  });
}
