// Server-Sent Events from a fetch() body (EventSource cannot POST), parsed by eventsource-parser.
import { createParser } from "eventsource-parser";

export interface SseEvent {
  /** "message" when the server named none (as in the browser's EventSource). */
  event: string;
  data: string;
}

/** Yields the events of a response body as they arrive. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let ready: SseEvent[] = [];
  const parser = createParser({ onEvent: ({ event, data }) => ready.push({ event: event ?? "message", data }) });
  const drain = () => {
    const out = ready;
    ready = [];
    return out;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      yield* drain();
    }
    // A last event without its closing blank line still counts.
    parser.feed(decoder.decode() + "\n\n");
    yield* drain();
  } finally {
    reader.cancel().catch(() => {});
  }
}
