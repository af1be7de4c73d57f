// /sitrep against the real app: an immediate ephemeral ack, the answer posted later to response_url.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { answerText, blocksOf, settle, sourcesText } from "./messages.js";
import { slashCommandForm } from "./payloads.js";
import { startSlackHarness, type SlackHarness } from "./harness.js";
import type { RecordedCall } from "./recorder.js";

let h: SlackHarness;
let ask: MockInstance<SlackHarness["deps"]["asker"]["ask"]>;
let realAsk: SlackHarness["deps"]["asker"]["ask"];
beforeAll(async () => {
  h = await startSlackHarness();
  realAsk = h.deps.asker.ask.bind(h.deps.asker);
  ask = vi.spyOn(h.deps.asker, "ask");
});
beforeEach(() => {
  ask.mockClear();
});
afterAll(async () => {
  await h?.close();
});

const postedTo = (path: string) => (call: RecordedCall) => call.method === "response_url" && call.path === path;

describe("/sitrep slash command (Slack Web API and response_url replaced by a local recorder)", () => {
  it("acks at once with an ephemeral 'Working on it…' and posts the answer to response_url (local recorder)", async () => {
    // The answer is held until the ack is checked: the ack must not wait for it.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    ask.mockImplementationOnce(async (request) => {
      await gate;
      return realAsk(request);
    });
    const hook = h.recorder.hookUrl("cmd-senegal");
    // The ack arrives while the answer is still held back: it cannot have waited for the work.
    const res = await h.sendForm(slashCommandForm("How many troops does Senegal contribute?", hook));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response_type: "ephemeral", text: "Working on it…" });
    await vi.waitFor(() => expect(ask).toHaveBeenCalledTimes(1)); // the answer is in progress, held
    expect(h.recorder.calls.some(postedTo("/hooks/cmd-senegal"))).toBe(false);
    release();

    const [posted] = await h.recorder.waitFor(postedTo("/hooks/cmd-senegal"));
    expect(posted!.body.response_type).toBe("ephemeral");
    expect(answerText(posted!)).toMatch(/Senegal/);
    expect(sourcesText(posted!)).toMatch(/^Sources: /);
    expect(blocksOf(posted!)[0]).toMatchObject({ block_id: "sitrep_question", elements: [{ text: "*Question:* How many troops does Senegal contribute?" }] });
    expect(String(posted!.body.text)).toMatch(/Senegal/);
    expect(ask).toHaveBeenCalledWith({ question: "How many troops does Senegal contribute?" }, expect.objectContaining({ principal: "slack" }));
  });

  it("empty text gets the ephemeral usage hint and nothing else runs (local recorder)", async () => {
    const before = h.recorder.calls.length;
    const res = await h.sendForm(slashCommandForm("   ", h.recorder.hookUrl("cmd-empty")));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; text: string };
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toMatch(/^Ask me about .*\/sitrep How many troops/);
    await settle(h.lazyWork);
    expect(ask).not.toHaveBeenCalled();
    expect(h.recorder.calls.length).toBe(before);
  });

  it("escapes hostile mrkdwn in the echoed question (local recorder)", async () => {
    const hook = h.recorder.hookUrl("cmd-hostile");
    // As Slack sends it (should_escape on): mentions as <…> markup, the user's &, <, > HTML-escaped.
    await h.sendForm(slashCommandForm("<!channel> <@U123> Tom &amp; Jerry &lt;script&gt;x&lt;/script&gt; @here troops of Senegal?", hook));
    const [posted] = await h.recorder.waitFor(postedTo("/hooks/cmd-hostile"));
    const question = blocksOf(posted!)[0]!.elements![0]!.text;
    expect(question).toBe("*Question:* @\u200Dchannel @U123 Tom &amp; Jerry &lt;script&gt;x&lt;/script&gt; @\u200Dhere troops of Senegal?");
    const json = JSON.stringify(posted!.body);
    for (const raw of ["<!channel>", "<@U123>", "<script>", "@channel", "@here", " & "]) expect(json).not.toContain(raw);
  });

  it("never posts to a response_url outside Slack's hooks hosts or the configured API origin (local recorder)", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await h.sendForm(slashCommandForm("How many troops does Senegal contribute?", "http://169.254.169.254/latest/meta-data"));
    await settle(h.lazyWork);
    expect(fetchSpy.mock.calls.map(([input]) => String(input instanceof Request ? input.url : input))).not.toContain("http://169.254.169.254/latest/meta-data");
    expect(String(logged.mock.calls[0]?.[1])).toMatch(/refusing to POST to response_url/);
    fetchSpy.mockRestore();
    logged.mockRestore();
  });
});
