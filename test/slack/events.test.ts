// Events API against the real app: mentions and DMs answered once, in the thread, with context kept
// per thread; retries deduplicated; bots ignored. Slack's Web API is a local recorder.
import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { answerText, blocksOf, feedbackValue, isThreadReply, settle, sourcesText } from "./messages.js";
import { BOT_USER, directMessage, mention, nextTs } from "./payloads.js";
import { startSlackHarness, type SlackHarness } from "./harness.js";

/** Every Slack question is asked as the Slack bot, which owns slack:… conversations. */
const bySlack = expect.objectContaining({ principal: "slack" });

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("Slack events (Slack Web API replaced by a local recorder)", () => {
  it("answers the url_verification challenge", async () => {
    const res = await h.sendRaw(JSON.stringify({ token: "t", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" }), "application/json");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  });

  it("a mention gets ONE threaded reply with citations; a retry of the same event gets none (Slack Web API replaced by a local recorder)", async () => {
    const ask = vi.spyOn(h.deps.asker, "ask");
    const event = mention("How many troops does Senegal contribute?", { channel: "C0TROOPS" });
    const eventId = "Ev0SENEGAL01";
    const res = await h.sendEvent(event, { eventId });
    expect(res.status).toBe(200);

    const [reply] = await h.recorder.waitFor(isThreadReply("C0TROOPS", event.ts));
    expect(reply!.authorization).toBe("Bearer xoxb-test");
    expect(answerText(reply!)).toMatch(/Senegal/);
    expect(answerText(reply!)).toMatch(/\d/);
    expect(sourcesText(reply!)).toMatch(/^Sources: /);
    expect(sourcesText(reply!)).toMatch(/Annex II|para\. \d+/);
    expect(feedbackValue(reply!)).toBeTruthy();
    expect(String(reply!.body.text)).toMatch(/Senegal/); // fallback text is always set
    expect(ask).toHaveBeenCalledWith({ question: "How many troops does Senegal contribute?", conversationId: `slack:C0TROOPS:${event.ts}` }, bySlack);

    // The captured rendered message, for the closing note.
    const rendered = { channel: reply!.body.channel, thread_ts: reply!.body.thread_ts, text: reply!.body.text, blocks: blocksOf(reply!) };
    mkdirSync("artifacts", { recursive: true });
    writeFileSync("artifacts/slack-message.json", `${JSON.stringify(rendered, null, 2)}\n`);
    console.log(`Rendered Slack message for "How many troops does Senegal contribute?":\n${JSON.stringify(rendered, null, 2)}`);

    // Slack retries the same event (same event_id) with X-Slack-Retry-Num: 1 → acked, nothing runs.
    await settle(h.lazyWork);
    ask.mockClear();
    const scheduled = h.lazyWork.length;
    const retry = await h.sendEvent(event, { eventId, retryNum: 1 });
    expect(retry.status).toBe(200);
    expect(h.lazyWork.length).toBe(scheduled);
    await settle(h.lazyWork);
    expect(ask).not.toHaveBeenCalled();
    expect(h.recorder.calls.filter(isThreadReply("C0TROOPS", event.ts))).toHaveLength(1);
    ask.mockRestore();
  });

  it("a follow-up mention in the thread continues that thread's conversation (Slack Web API replaced by a local recorder)", async () => {
    const ask = vi.spyOn(h.deps.asker, "ask");
    const first = mention("How many troops does Senegal have?", { channel: "C0FOLLOW" });
    await h.sendEvent(first);
    await h.recorder.waitFor(isThreadReply("C0FOLLOW", first.ts));

    const followUp = mention("What about Ghana?", { channel: "C0FOLLOW", thread_ts: first.ts });
    await h.sendEvent(followUp);
    const replies = await h.recorder.waitFor(isThreadReply("C0FOLLOW", first.ts), { count: 2 });
    const second = answerText(replies[1]!);
    expect(second).toMatch(/Ghana\D+\d+/); // Ghana's figure, though the follow-up never said "troops"
    expect(answerText(replies[0]!)).toMatch(/Senegal\D+\d+/);
    expect(ask).toHaveBeenLastCalledWith({ question: "What about Ghana?", conversationId: `slack:C0FOLLOW:${first.ts}` }, bySlack);
    ask.mockRestore();
  });

  it("a direct message is answered in the DM thread, via deps.waitUntil on Node (Slack Web API replaced by a local recorder)", async () => {
    const dm = directMessage("How many troops does Senegal contribute?", { channel: "D0ALICE9" });
    const res = await h.sendEvent(dm, { trackLazyWork: false });
    expect(res.status).toBe(200);
    const [reply] = await h.recorder.waitFor(isThreadReply("D0ALICE9", dm.ts));
    expect(answerText(reply!)).toMatch(/Senegal/);
  });

  it("ignores its own messages and other bots' messages (Slack Web API replaced by a local recorder)", async () => {
    const ask = vi.spyOn(h.deps.asker, "ask");
    const before = h.recorder.calls.length;
    const scheduled = h.lazyWork.length;
    const botEvents = [
      { ...directMessage("How many troops does Senegal contribute?"), user: BOT_USER }, // this bot, by user id
      { ...directMessage("Senegal contributes 1,000 troops."), bot_id: "B0SITREP", user: BOT_USER }, // this bot's own reply
      { ...directMessage("How many troops does Ghana have?"), bot_id: "B0OTHER1", user: "UOTHERBOT" }, // another bot
      { ...directMessage("How many troops does Ghana have?"), subtype: "bot_message", bot_id: "B0OTHER2", user: undefined },
      { ...mention("How many troops does Ghana have?"), bot_id: "B0OTHER3", user: "UOTHERBOT" }, // a bot mentioning us
    ];
    for (const event of botEvents) {
      const res = await h.sendEvent(event);
      expect(res.status).toBe(200);
    }
    expect(h.lazyWork.length).toBe(scheduled); // acked before any listener was scheduled
    await settle(h.lazyWork);
    expect(ask).not.toHaveBeenCalled();
    expect(h.recorder.calls.length).toBe(before);
    ask.mockRestore();
  });

  it("escapes hostile mrkdwn from the question in the posted blocks (Slack Web API replaced by a local recorder)", async () => {
    const ask = vi.spyOn(h.deps.asker, "ask");
    // As Slack delivers it: mentions as <…> markup, the user's own &, <, > HTML-escaped. The report
    // can't answer it, and the refusal quotes the question back — so the hostile text reaches the answer.
    const event = mention("<!channel> <@U123> Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt; who won the 2018 World Cup?", { channel: "C0HOSTILE" });
    await h.sendEvent(event);
    const [reply] = await h.recorder.waitFor(isThreadReply("C0HOSTILE", event.ts));
    expect(ask).toHaveBeenCalledWith({
      question: "@channel @U123 Tom & Jerry <script>alert(1)</script> who won the 2018 World Cup?",
      conversationId: `slack:C0HOSTILE:${event.ts}`,
    }, bySlack);
    const posted = JSON.stringify({ text: reply!.body.text, blocks: reply!.body.blocks });
    for (const raw of ["<!channel>", "<@U123>", "<script>", "@channel", "@here", " & "]) expect(posted).not.toContain(raw);
    const answer = answerText(reply!);
    expect(answer).toMatch(/^\*The report doesn't answer this:\*/);
    expect(answer).toContain("@\u200Dchannel @U123 Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;");
    ask.mockRestore();
  });

  it("acks events it has no use for (message edits, channel messages) without answering (Slack Web API replaced by a local recorder)", async () => {
    const before = h.recorder.calls.length;
    const edit = { ...directMessage("edited"), subtype: "message_changed" };
    const channelMessage = { ...directMessage("How many troops?"), channel: "C0GENERAL", channel_type: "channel" };
    const reaction = { type: "reaction_added", user: "UALICE01", reaction: "+1", item: { type: "message", channel: "C0GENERAL", ts: nextTs() }, event_ts: nextTs() };
    for (const event of [edit, channelMessage, reaction]) expect((await h.sendEvent(event)).status).toBe(200);
    await settle(h.lazyWork);
    expect(h.recorder.calls.length).toBe(before);
  });
});
