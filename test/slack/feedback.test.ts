// 👍/👎 buttons against the real app: the click is stored with source "slack" and acknowledged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerText, feedbackValue, isThreadReply } from "./messages.js";
import { blockActionForm, mention } from "./payloads.js";
import { startSlackHarness, type SlackHarness } from "./harness.js";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("feedback buttons (Slack Web API and response_url replaced by a local recorder)", () => {
  it("a 👍 click on a real answer is stored and thanked (local recorder)", async () => {
    const event = mention("How many troops does Senegal contribute?", { channel: "C0FEEDBK" });
    await h.sendEvent(event);
    const [reply] = await h.recorder.waitFor(isThreadReply("C0FEEDBK", event.ts));
    const answerId = feedbackValue(reply!);
    expect(answerId).toBeTruthy();

    const res = await h.sendForm(blockActionForm("feedback_up", answerId!, h.recorder.hookUrl("fb-up")));
    expect(res.status).toBe(200);
    const stored = await h.deps.store.answer(answerId!);
    expect(stored?.feedback).toEqual([expect.objectContaining({ answerId, rating: "up", source: "slack" })]);

    const [thanks] = await h.recorder.waitFor((c) => c.path === "/hooks/fb-up");
    expect(thanks!.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(answerText(thanks!)).toBe("Thanks — your 👍 was recorded.");
  });

  it("a 👎 on an unknown answer stores nothing and says so (local recorder)", async () => {
    const res = await h.sendForm(blockActionForm("feedback_down", "no-such-answer", h.recorder.hookUrl("fb-unknown")));
    expect(res.status).toBe(200);
    expect(await h.deps.store.answer("no-such-answer")).toBeNull();
    const [reply] = await h.recorder.waitFor((c) => c.path === "/hooks/fb-unknown");
    expect(answerText(reply!)).toMatch(/couldn't record/);
  });
});
