// Streams the model's answer text as its tokens arrive: the JSON so far is parsed leniently, rendered
// (render.ts), and whatever the rendered prefix grew by goes out as a delta. Once anything went out,
// the stream must end on the answer the user gets: the rest of it, or a `replace` with another answer.
import { parseJsonMarkdown } from "@langchain/core/output_parsers";
import type { AnswerStreamEvent } from "../contract.js";
import { streamablePrefix, type PartialAnswer } from "./render.js";
import type { TurnTools } from "./turn-tools.js";

export class AnswerStreamer {
  private raw = "";
  private sent = "";

  constructor(
    private readonly tools: TurnTools,
    private readonly onEvent?: (event: AnswerStreamEvent) => void,
  ) {}

  get started(): boolean {
    return this.sent !== "";
  }

  /** A token of JSON text (the json_schema method streams the answer as content). */
  token(text: string): void {
    if (!this.onEvent || !text) return;
    this.raw += text;
    try {
      this.partial(parseJsonMarkdown(this.raw) as PartialAnswer | null);
    } catch {
      return;
    }
  }

  /** The answer so far as an object (the tool-call method's parser streams those). */
  partial(partial: PartialAnswer | null): void {
    if (!this.onEvent) return;
    const prefix = streamablePrefix(partial, this.tools);
    // A prefix that is not an extension of what went out (a half-parsed escape) waits for more tokens.
    if (prefix.length > this.sent.length && prefix.startsWith(this.sent)) {
      const delta = prefix.slice(this.sent.length);
      this.sent = prefix;
      this.onEvent({ type: "delta", text: delta });
    }
  }

  /** Ends the stream on `answer`: its remainder when what went out begins it, else a replace. */
  finish(answer: string): void {
    if (!this.onEvent || !this.started) return;
    if (answer.startsWith(this.sent)) {
      if (answer.length > this.sent.length) this.onEvent({ type: "delta", text: answer.slice(this.sent.length) });
    } else this.onEvent({ type: "replace", answer });
    this.sent = answer;
  }
}
