// Server-Sent Events from a fetch() body (EventSource cannot POST), parsed by eventsource-parser.
import { createParser } from "eventsource-parser";

export interface SseEvent {
  /** "message" when the server named none (as in the browser's EventSource). */
  event: string;
  data: string;
}

/** Push decoded text, get the events it completed (eventsource-parser underneath). */
export class SseParser {
  private ready: SseEvent[] = [];
  private readonly parser = createParser({ onEvent: ({ event, data }) => this.ready.push({ event: event ?? "message", data }) });

  push(chunk: string): SseEvent[] {
    this.parser.feed(chunk);
    const out = this.ready;
    this.ready = [];
    return out;
  }
}

/** Yields the events of a response body as they arrive. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    // A last event without its closing blank line still counts.
    yield* parser.push(decoder.decode() + "\n\n");
  } finally {
    reader.cancel().catch(() => {});
  }
}
