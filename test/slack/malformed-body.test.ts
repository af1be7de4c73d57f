// Signed but malformed bodies on the real app: 400 JSON before slack-edge parses anything, never a 500;
// an unsigned one is still 401; real Slack bodies still work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackHarness, type SlackHarness } from "./harness.js";
import { mention, slashCommandForm } from "./payloads.js";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const JSON_TYPE = "application/json";
const FORM = "application/x-www-form-urlencoded";

describe("POST /slack/events with a valid signature", () => {
  it.each([
    ["JSON null", "null", JSON_TYPE],
    ["not JSON", "not json", JSON_TYPE],
    ["an empty JSON body", "", JSON_TYPE],
    ["a JSON array", "[]", JSON_TYPE],
    ["a JSON number", "123", JSON_TYPE],
    ["an object without a type", '{"event_id":"Ev1"}', JSON_TYPE],
    ["event_callback without an event", '{"type":"event_callback","event_id":"Ev2"}', JSON_TYPE],
    ["event_callback with a null event", '{"type":"event_callback","event_id":"Ev3","event":null}', JSON_TYPE],
    ["event_callback with a string event", '{"type":"event_callback","event_id":"Ev4","event":"x"}', JSON_TYPE],
    ["url_verification without a challenge", '{"type":"url_verification"}', JSON_TYPE],
    ["an interaction payload that is not JSON", "payload=notjson", FORM],
    ["an interaction payload that is null", "payload=null", FORM],
    ["an interaction payload without a type", "payload=%7B%7D", FORM],
    ["a form that is neither a payload nor a command", "a=b", FORM],
    ["an empty form", "", FORM],
    ["a content type Slack never sends", "hello", "text/plain"],
  ])("%s gets 400 JSON, and nothing runs", async (_label, body, type) => {
    const before = h.recorder.calls.length;
    const response = await h.sendRaw(body, type);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe("invalid_request");
    expect(json.error.message.length).toBeGreaterThan(0);
    expect(h.lazyWork).toHaveLength(0);
    expect(h.recorder.calls.length).toBe(before);
  });

  it("the same malformed body without a valid signature is still 401", async () => {
    expect((await h.sendRaw("null", JSON_TYPE, { signature: "v0=" + "0".repeat(64) })).status).toBe(401);
  });

  it("url_verification, a mention and a slash command still get 200", async () => {
    const challenge = await h.sendRaw('{"type":"url_verification","challenge":"abc","token":"t"}', JSON_TYPE);
    expect(challenge.status).toBe(200);
    expect(await challenge.text()).toContain("abc");
    expect((await h.sendEvent(mention("What does paragraph 17 say?"))).status).toBe(200);
    expect((await h.sendForm(slashCommandForm("What does paragraph 17 say?", h.recorder.hookUrl("ok")))).status).toBe(200);
  });
});
