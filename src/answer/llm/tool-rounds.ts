// The bounded tool loop: the model, with report_numbers and search_report bound, either calls tools
// (each call is answered, errors included, and the model goes again) or stops; after `rounds` rounds
// it must answer with what it has.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { TurnTools } from "./turn-tools.js";

export async function runToolRounds(model: BaseChatModel, tools: TurnTools, messages: BaseMessage[], rounds: number, signal: AbortSignal): Promise<void> {
  if (rounds <= 0 || !model.bindTools) return;
  const bound = model.bindTools(tools.all);
  for (let round = 0; round < rounds; round++) {
    const reply = await bound.invoke(messages, { signal });
    const calls = reply.tool_calls ?? [];
    const invalid = reply.invalid_tool_calls ?? [];
    if (calls.length === 0 && invalid.length === 0) return;
    messages.push(reply instanceof AIMessage ? reply : new AIMessage({ content: reply.content, tool_calls: calls }));
    for (const call of calls) messages.push(await tools.run(call, signal));
    // Arguments that were not even JSON: the model is told so, under the id it gave.
    for (const call of invalid) {
      messages.push(new ToolMessage({ tool_call_id: call.id ?? "", name: call.name ?? "", status: "error", content: JSON.stringify({ error: { code: "invalid_call", message: `arguments are not valid JSON: ${call.args ?? ""}` } }) }));
    }
  }
}
