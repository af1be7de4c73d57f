// Graceful shutdown for the Node server. On the first SIGTERM or SIGINT: report not ready, stop
// accepting connections, answer what still arrives on open keep-alive sockets (with Connection: close,
// so each socket ends after its response), close sockets left idle after a short last call, and let
// in-flight requests, SSE streams included, finish within the grace period. Then release the
// resources (workers, SQLite) and exit 0. A second signal, or the end of the grace period, exits at
// once with 1.
import { Server as NetServer } from "node:net";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Readiness } from "../http/readiness.js";

/** How long a keep-alive socket that is idle at the signal may still bring a request. */
export const LAST_CALL_MS = 500;
/** Ctrl-C under `npm start` delivers SIGINT twice at once (from the terminal and forwarded by npm): that is one signal. */
const SAME_SIGNAL_MS = 250;

export interface ShutdownLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
}

export interface GracefulShutdownOptions {
  server: Server;
  graceMs: number;
  logger: ShutdownLogger;
  readiness?: Readiness;
  /** Closes what the server used (the answer workers, the store), after the last connection is gone. */
  release: () => Promise<void>;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

export function installGracefulShutdown(options: GracefulShutdownOptions): { shutdown: (reason: string) => void } {
  const { server, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let draining = false;
  let firstSignalAt = 0;
  let inFlight = 0;

  server.on("request", (_req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    if (draining) res.setHeader("Connection", "close");
    res.once("close", () => {
      inFlight--;
      // A socket whose response began before the signal stays keep-alive: close it now that it is idle.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  let finished = false;
  const finish = async (code: number, message: string) => {
    if (finished) return;
    finished = true;
    try {
      await options.release();
    } catch (err) {
      logger.warn({ err }, "releasing resources failed");
    }
    logger.info({ code }, message);
    exit(code);
  };

  const shutdown = (reason: string) => {
    if (draining) return;
    draining = true;
    logger.info({ reason, inFlight, graceMs: options.graceMs }, "shutting down: no new connections; finishing requests in flight");
    options.readiness?.fail("server", "shutting down");
    // net.Server's close, not http.Server's: the latter also destroys idle keep-alive sockets at once,
    // resetting a request that is already on its way on one of them.
    NetServer.prototype.close.call(server, () => {
      clearTimeout(graceTimer);
      void finish(0, "shutdown complete: every request finished");
    });
    setTimeout(() => server.closeIdleConnections(), LAST_CALL_MS).unref();
    const graceTimer = setTimeout(() => {
      logger.warn({ inFlight }, "grace period over: closing the connections still open");
      server.closeAllConnections();
      void finish(1, "shutdown complete: requests were cut at the end of the grace period");
    }, options.graceMs);
    graceTimer.unref();
  };

  for (const signal of options.signals ?? (["SIGTERM", "SIGINT"] as NodeJS.Signals[])) {
    process.on(signal, () => {
      const now = Date.now();
      if (!draining) {
        firstSignalAt = now;
        shutdown(signal);
      } else if (now - firstSignalAt > SAME_SIGNAL_MS) {
        logger.warn({ signal, inFlight }, "second signal: exiting now");
        exit(1);
      }
    });
  }
  return { shutdown };
}
