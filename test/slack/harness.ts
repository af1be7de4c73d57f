// The REAL sitrep app (real index, SQLite store, real asker) with Slack configured and Slack's Web API
// replaced by a local recorder. Requests go in-process through app.request.
import type { ExecutionContext } from "hono";
import { createTestSitrep } from "../helpers/app.js";
import { startSlackRecorder, type SlackRecorder } from "./recorder.js";
import { envelope } from "./payloads.js";
import { signedInit, TEST_SIGNING_SECRET, type SignOptions } from "./signing.js";

export const EVENTS_PATH = "/slack/events";
const FORM = "application/x-www-form-urlencoded";

type Sitrep = Awaited<ReturnType<typeof createTestSitrep>>;

export interface SendOptions extends SignOptions {
  /** Pass a Workers-style ExecutionContext that records lazy work (default); false uses the Node path (deps.waitUntil). */
  trackLazyWork?: boolean;
}

export interface SlackHarness {
  app: Sitrep["app"];
  deps: Sitrep["deps"];
  recorder: SlackRecorder;
  /** Lazy work scheduled through the tracked ExecutionContext since the last reset. */
  lazyWork: Promise<unknown>[];
  sendEvent(event: Record<string, unknown>, options?: SendOptions & { eventId?: string }): Promise<Response>;
  sendRaw(rawBody: string, contentType: string, options?: SendOptions): Promise<Response>;
  sendForm(form: string, options?: SendOptions): Promise<Response>;
  close(): Promise<void>;
}

export async function startSlackHarness(env: Record<string, string> = {}): Promise<SlackHarness> {
  const recorder = await startSlackRecorder();
  const sitrep = await createTestSitrep({
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_API_URL: recorder.apiUrl,
    // Generous, so a busy CI machine doesn't turn answers into "took too long" notices.
    ANSWER_TIMEOUT_MS: "45000",
    ...env,
  });
  const lazyWork: Promise<unknown>[] = [];
  const ctx: ExecutionContext = { waitUntil: (p) => void lazyWork.push(p), passThroughOnException: () => {}, props: {} };

  const sendRaw = async (rawBody: string, contentType: string, options: SendOptions = {}) => {
    const init = signedInit(rawBody, contentType, options);
    return options.trackLazyWork === false
      ? sitrep.app.request(EVENTS_PATH, init)
      : sitrep.app.request(EVENTS_PATH, init, {}, ctx);
  };
  return {
    app: sitrep.app,
    deps: sitrep.deps,
    recorder,
    lazyWork,
    sendRaw,
    sendEvent: (event, options = {}) => sendRaw(JSON.stringify(envelope(event, options.eventId)), "application/json", options),
    sendForm: (form, options = {}) => sendRaw(form, FORM, options),
    async close() {
      await Promise.allSettled(lazyWork);
      sitrep.close();
      await recorder.close();
    },
  };
}
