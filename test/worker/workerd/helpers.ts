// Helpers for the tests inside workerd: ask the Worker under test (SELF) or the second isolate.
import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { AskResponse } from "../../../src/answer/contract.js";
import type { RecordedCall } from "../../slack/recorder.js";
import { askJson } from "../helpers.js";
import type { FetchBinding } from "./test-env.js";

export const ORIGIN = "https://sitrep.test";

/** The Worker under test, and the same deployment's bundle in another isolate (same D1). */
export const workers: Record<"first" | "second", FetchBinding> = { first: SELF, second: env.SECOND_ISOLATE };

export async function ask(worker: FetchBinding, question: string, conversationId?: string): Promise<AskResponse> {
  const res = await worker.fetch(`${ORIGIN}/v1/ask`, askJson(question, conversationId));
  if (res.status !== 200) throw new Error(`/v1/ask answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as AskResponse;
}

/** The Slack Web API calls the recorder (Node, 127.0.0.1) has seen so far. */
export async function slackCalls(): Promise<RecordedCall[]> {
  return (await (await fetch(env.SLACK_CALLS_URL)).json()) as RecordedCall[];
}

/** Polls the recorder until `count` calls match (lazy Slack work runs after the ack, in ctx.waitUntil). */
export async function waitForSlackCalls(match: (call: RecordedCall) => boolean, count = 1, timeoutMs = 45_000): Promise<RecordedCall[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const matched = (await slackCalls()).filter(match);
    if (matched.length >= count) return matched;
    if (Date.now() > deadline) throw new Error(`wanted ${count} Slack call(s) within ${timeoutMs} ms, got ${matched.length}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
