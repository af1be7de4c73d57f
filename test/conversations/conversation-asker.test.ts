// The conversation asker on its own, with a scripted pipeline standing in for the real one (the real
// pipeline is tested through HTTP elsewhere): history in, turn stored, ownership, aborts store nothing.
import { describe, expect, it } from "vitest";
import type { AnswerInput, AnswerPipeline } from "../../src/answer/contract.js";
import { ConversationNotFoundError, createConversationAsker } from "../../src/conversations/conversation-asker.js";
import { createMemoryStore } from "../../src/stores/memory.js";

function scriptedPipeline(onAnswer?: (input: AnswerInput) => Promise<void> | void): AnswerPipeline & { inputs: AnswerInput[] } {
  const inputs: AnswerInput[] = [];
  return {
    inputs,
    async answer(input) {
      inputs.push(input);
      await onAnswer?.(input);
      input.signal?.throwIfAborted();
      return { answer: `A: ${input.question}`, answered: true, citations: [], resolvedQuestion: input.question, frame: { n: inputs.length }, route: "retrieval" };
    },
  };
}

describe("conversation asker (scripted pipeline)", () => {
  it("passes the recent turns, oldest first, and stores each turn with its frame", async () => {
    const store = createMemoryStore();
    const pipeline = scriptedPipeline();
    const asker = createConversationAsker({ pipeline, store, historyTurns: 2 });
    const first = await asker.ask({ question: "one" });
    await asker.ask({ question: "two", conversationId: first.conversationId });
    await asker.ask({ question: "three", conversationId: first.conversationId });
    await asker.ask({ question: "four", conversationId: first.conversationId });
    expect(pipeline.inputs[0]!.history).toEqual([]);
    expect(pipeline.inputs[3]!.history.map((t) => t.question)).toEqual(["two", "three"]);
    expect(pipeline.inputs[3]!.history[1]!.frame).toEqual({ n: 3 });
    expect((await store.recentTurns(first.conversationId, 10)).length).toBe(4);
  });

  it("refuses another principal's conversation as not found, and stores nothing", async () => {
    const store = createMemoryStore();
    const asker = createConversationAsker({ pipeline: scriptedPipeline(), store });
    const mine = await asker.ask({ question: "one" }, { principal: "alice" });
    await expect(asker.ask({ question: "two", conversationId: mine.conversationId }, { principal: "bob" })).rejects.toBeInstanceOf(ConversationNotFoundError);
    expect((await store.recentTurns(mine.conversationId, 10)).map((t) => t.question)).toEqual(["one"]);
  });

  it("stores no turn when the answer is aborted", async () => {
    const store = createMemoryStore();
    const controller = new AbortController();
    const asker = createConversationAsker({ pipeline: scriptedPipeline(() => controller.abort(new Error("budget spent"))), store });
    await expect(asker.ask({ question: "one", conversationId: "c-abort" }, { signal: controller.signal })).rejects.toThrow("budget spent");
    expect(await store.recentTurns("c-abort", 10)).toEqual([]);
    expect(await store.conversationOwner("c-abort")).toBeNull();
  });
});
