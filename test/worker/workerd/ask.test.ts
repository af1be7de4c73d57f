// Inside workerd: the Worker (src/worker.ts, as wrangler.toml builds it) over the real index in its
// static assets and a local D1: cited text and numeric answers, the SSE stream, /health, the widget.
import { describe, expect, it } from "vitest";
import { SseParser } from "../../../src/widget/sse.js";
import { askJson } from "../helpers.js";
import { ask, ORIGIN, workers } from "./helpers.js";

describe("the Worker in workerd (local D1, no AI or Vectorize bindings)", () => {
  it("answers a text question with a paragraph citation", async () => {
    const body = await ask(workers.first, "How many Malian stakeholders attended the conference for national harmony?");
    expect(body.answered).toBe(true);
    expect(body.answer).toMatch(/1,000/);
    expect(body.citations.some((c) => "paragraph" in c && c.paragraph === 2)).toBe(true);
  });

  it("answers an Annex II question with the numeric tool", async () => {
    const body = await ask(workers.first, "How many Senegalese soldiers serve with the Mission?");
    expect(body.answered).toBe(true);
    expect(body.answer).toMatch(/576/);
    expect(body.citations.some((c) => "annex" in c && c.annex === "II")).toBe(true);
    expect(body.tool?.result).toBe(576);
  });

  it("streams /v1/chat as meta, deltas, citations and done, the deltas adding up to the answer", async () => {
    const res = await workers.first.fetch(`${ORIGIN}/v1/chat`, askJson("What did the conference for national harmony recommend?"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const parser = new SseParser();
    const events = [];
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let reads = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      reads++;
      events.push(...parser.push(value));
    }
    events.push(...parser.push("\n\n"));
    expect(events.map((e) => e.event).join(" ")).toMatch(/^meta( delta)+ citations done$/);
    expect(reads).toBeGreaterThan(1); // it arrived in pieces, not as one buffered body
    const final = JSON.parse(events.at(-1)!.data) as { answer: string; citations: unknown[] };
    const deltas = events.filter((e) => e.event === "delta").map((e) => (JSON.parse(e.data) as { text: string }).text);
    expect(deltas.join("")).toBe(final.answer);
    expect(final.citations.length).toBeGreaterThan(0);
  });

  it("reports lexical retrieval on /health, with no dense encoder", async () => {
    const res = await workers.first.fetch(`${ORIGIN}/health`);
    expect(res.status).toBe(200);
    const health = (await res.json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: "ok", retrieval: "lexical", composer: "extractive", slack: "enabled" });
    expect(health.dense).toBeUndefined();
  });

  it("serves the widget bundle and the chat page from its assets", async () => {
    const widget = await workers.first.fetch(`${ORIGIN}/widget.js`);
    expect(widget.status).toBe(200);
    expect(await widget.text()).toContain("sitrep-chat");
    const page = await workers.first.fetch(`${ORIGIN}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<sitrep-chat");
  });

  it("keeps the bundled data private: an asset path is a 404 from the app", async () => {
    const res = await workers.first.fetch(`${ORIGIN}/sitrep-data/bundle.json`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
