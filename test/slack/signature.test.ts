// Signature verification against the real app: a bad, missing or stale signature gets 401 and
// nothing runs — no asker call, no Slack call, no lazy work, no event claimed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isThreadReply, settle } from "./messages.js";
import { blockActionForm, envelope, mention, slashCommandForm } from "./payloads.js";
import { startSlackHarness, type SlackHarness } from "./harness.js";
import { slackSignature } from "./signing.js";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const now = () => Math.floor(Date.now() / 1000);

describe("request signatures (Slack Web API replaced by a local recorder)", () => {
  it("rejects bad, missing, stale and future signatures with 401 and runs nothing (local recorder)", async () => {
    const ask = vi.spyOn(h.deps.asker, "ask");
    const event = mention("How many troops does Senegal contribute?", { channel: "C0SIGNED" });
    const body = JSON.stringify(envelope(event, "Ev0SIGNED001"));
    const cases = {
      "wrong secret": { secret: "not-the-secret" },
      "tampered signature": { signature: slackSignature("test-secret", now(), `${body} `) },
      "malformed signature": { signature: "v0=zz" },
      "missing signature": { signature: null },
      "stale (6 minutes old)": { timestamp: now() - 360 },
      "future (6 minutes ahead)": { timestamp: now() + 360 },
    } as const;
    for (const [name, options] of Object.entries(cases)) {
      const res = await h.sendRaw(body, "application/json", options);
      expect(res.status, name).toBe(401);
    }
    for (const form of [slashCommandForm("How many troops?", h.recorder.hookUrl("unsigned")), blockActionForm("feedback_up", "x", h.recorder.hookUrl("unsigned"))]) {
      expect((await h.sendRaw(form, "application/x-www-form-urlencoded", { secret: "wrong" })).status).toBe(401);
    }
    expect(h.lazyWork).toHaveLength(0);
    expect(ask).not.toHaveBeenCalled();
    expect(h.recorder.calls).toHaveLength(0);

    // Nothing was claimed either: the same event, properly signed, is answered.
    expect((await h.sendRaw(body, "application/json")).status).toBe(200);
    await h.recorder.waitFor(isThreadReply("C0SIGNED", event.ts));
    await settle(h.lazyWork);
    expect(ask).toHaveBeenCalledTimes(1);
    ask.mockRestore();
  });

  it("a signature from 4 minutes ago is still accepted (local recorder)", async () => {
    const event = mention("How many troops does Senegal contribute?", { channel: "C0FRESH" });
    const res = await h.sendRaw(JSON.stringify(envelope(event)), "application/json", { timestamp: now() - 240 });
    expect(res.status).toBe(200);
    await h.recorder.waitFor(isThreadReply("C0FRESH", event.ts));
  });
});
