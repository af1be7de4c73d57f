// Inside workerd: Slack events through the Worker, Slack's Web API replaced by a recorder on 127.0.0.1
// (Node). Event ids are claimed in D1, so a retry that reaches another isolate is not answered again.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { RecordedCall } from "../../slack/recorder.js";
import { envelope, mention } from "../../slack/payloads.js";
import { signedInit, type SignOptions } from "../../slack/signing.js";
import { ORIGIN, slackCalls, waitForSlackCalls, workers } from "./helpers.js";
import type { FetchBinding } from "./test-env.js";

const threadReply = (channel: string, ts: string) => (call: RecordedCall) =>
  call.method === "chat.postMessage" && call.body.channel === channel && call.body.thread_ts === ts;

function sendEvent(worker: FetchBinding, event: Record<string, unknown>, eventId: string, options: SignOptions = {}) {
  return worker.fetch(`${ORIGIN}/slack/events`, signedInit(JSON.stringify(envelope(event, eventId)), "application/json", options));
}

const claimed = async (eventId: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM slack_events WHERE event_id = ?").bind(eventId).first<{ n: number }>())?.n;

describe("Slack on the Worker (Slack Web API replaced by a local recorder)", () => {
  it("answers a mention once in its thread; Slack's retry to another isolate is acked and not answered", async () => {
    const event = mention("How many troops does Senegal contribute?", { channel: "C0WORKER" });
    const first = await sendEvent(workers.first, event, "EvWORKER0001");
    expect(first.status).toBe(200);
    const [reply] = await waitForSlackCalls(threadReply("C0WORKER", event.ts));
    expect(reply!.authorization).toBe("Bearer xoxb-test");
    expect(JSON.stringify(reply!.body.blocks)).toMatch(/Senegal/);
    expect(JSON.stringify(reply!.body.blocks)).toMatch(/Sources: .*(Annex II|para\. \d+)/);
    expect(await claimed("EvWORKER0001")).toBe(1);

    const retry = await sendEvent(workers.second, event, "EvWORKER0001", { retryNum: 1 });
    expect(retry.status).toBe(200);
    // The retry's lazy work would have been scheduled before its ack returned; a later mention in
    // the same channel is answered after it, so once that reply is in, a second answer would be too.
    const later = mention("How many troops does Ghana contribute?", { channel: "C0WORKER" });
    await sendEvent(workers.second, later, "EvWORKER0002");
    await waitForSlackCalls(threadReply("C0WORKER", later.ts));
    expect((await slackCalls()).filter(threadReply("C0WORKER", event.ts))).toHaveLength(1);
  });

  it("refuses a missing, bad or stale signature with 401: nothing is claimed, nothing is posted", async () => {
    const event = mention("How many troops does Senegal contribute?", { channel: "C0UNSIGNED" });
    const cases: [string, SignOptions][] = [
      ["EvUNSIGNED01", { signature: null }],
      ["EvUNSIGNED02", { secret: "not-the-secret" }],
      ["EvUNSIGNED03", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ];
    for (const [eventId, options] of cases) {
      const res = await sendEvent(workers.first, event, eventId, options);
      expect(res.status, eventId).toBe(401);
      expect(await claimed(eventId), eventId).toBe(0);
    }
    // A signed request after them is answered, so the refused ones had their chance to post.
    const signed = mention("How many troops does Ghana contribute?", { channel: "C0UNSIGNED" });
    await sendEvent(workers.first, signed, "EvUNSIGNED04");
    await waitForSlackCalls(threadReply("C0UNSIGNED", signed.ts));
    expect((await slackCalls()).filter(threadReply("C0UNSIGNED", event.ts))).toHaveLength(0);
  });
});
