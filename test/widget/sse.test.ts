import { describe, expect, it } from "vitest";
import { readSse, SseParser } from "../../src/widget/sse.js";

describe("SseParser", () => {
  it("parses events split across arbitrary chunk boundaries", () => {
    const wire = 'event: meta\ndata: {"a":1}\n\n: comment\nevent: delta\r\ndata: {"text":"x"}\r\n\r\ndata: plain\n\n';
    for (let cut = 0; cut <= wire.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.push(wire.slice(0, cut)), ...parser.push(wire.slice(cut))];
      expect(events).toEqual([
        { event: "meta", data: '{"a":1}' },
        { event: "delta", data: '{"text":"x"}' },
        { event: "message", data: "plain" },
      ]);
    }
  });

  it("joins multi-line data and ignores blocks without data", () => {
    const parser = new SseParser();
    expect(parser.push("event: x\n\ndata: a\ndata: b\n\n")).toEqual([{ event: "message", data: "a\nb" }]);
  });

  it("reads a byte stream, flushing a final event without a trailing blank line", async () => {
    const bytes = new TextEncoder().encode('event: done\ndata: {"ok":true}');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 5));
        controller.enqueue(bytes.slice(5));
        controller.close();
      },
    });
    const events = [];
    for await (const event of readSse(body)) events.push(event);
    expect(events).toEqual([{ event: "done", data: '{"ok":true}' }]);
  });
});
