// Where lazy listeners run after the ack: the Worker's ExecutionContext when there is one, else
// deps.waitUntil (Node), else detached. Failures are always logged, never unhandled.
import type { Context } from "hono";
import type { ExecutionContext } from "slack-edge";
import type { AppDeps } from "../http/deps.js";
import type { SlackLog } from "./log.js";

export function lazyWorkContext(c: Context, deps: AppDeps, log: SlackLog): ExecutionContext {
  const schedule = platformWaitUntil(c) ?? deps.waitUntil ?? ((work: Promise<unknown>) => void work);
  return {
    waitUntil(work: Promise<unknown>) {
      schedule(work.catch((err: unknown) => log.error("lazy listener failed", err)));
    },
  };
}

function platformWaitUntil(c: Context): ((work: Promise<unknown>) => void) | undefined {
  try {
    const ctx = c.executionCtx; // throws on Node, where Hono has no ExecutionContext
    return (work) => ctx.waitUntil(work);
  } catch {
    return undefined;
  }
}
