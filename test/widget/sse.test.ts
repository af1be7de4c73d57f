import { describe, expect, it } from "vitest";
import { readSse, type SseEvent } from "../../src/widget/sse.js";

/** A body that delivers `wire` in the given pieces. */
function body(pieces: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(typeof piece === "string" ? encoder.encode(piece) : piece);
      controller.close();
    },
  });
}

async function all(stream: ReadableStream<Uint8Array>): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readSse(stream)) events.push(event);
  return events;
}

describe("readSse (eventsource-parser)", () => {
  it("parses events split across arbitrary chunk boundaries, CRLF and comments included", async () => {
    const wire = 'event: meta\ndata: {"a":1}\n\n: comment\nevent: delta\r\ndata: {"text":"x"}\r\n\r\ndata: plain\n\n';
    for (let cut = 0; cut <= wire.length; cut++) {
      expect(await all(body([wire.slice(0, cut), wire.slice(cut)]))).toEqual([
        { event: "meta", data: '{"a":1}' },
        { event: "delta", data: '{"text":"x"}' },
        { event: "message", data: "plain" },
      ]);
    }
  });

  it("joins multi-line data, ignores blocks without data and keeps multi-byte characters split across chunks", async () => {
    const bytes = new TextEncoder().encode("event: x\n\ndata: a\ndata: é€\n\n");
    const split = bytes.length - 4; // inside "€"
    expect(await all(body([bytes.slice(0, split), bytes.slice(split)]))).toEqual([{ event: "message", data: "a\né€" }]);
  });

  it("flushes a final event without a trailing blank line", async () => {
    expect(await all(body(['event: done\ndata: {"ok":true}']))).toEqual([{ event: "done", data: '{"ok":true}' }]);
  });
});
