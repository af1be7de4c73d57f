// The LLM answer stage. For a question decide accepted, the model gets the question frame and the
// evidence (prompts/), may call report_numbers and search_report for a bounded number of rounds, and
// answers in a structured form (withStructuredOutput) whose text streams as it arrives. The answer is
// verified (check-answer.ts); when it fails, or the model errs, refuses or runs out of its budget, the
// user gets the extractive answer and the reason is logged and returned for the metrics.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage } from "@langchain/core/messages";
import { OutputParserException } from "@langchain/core/output_parsers";
import type { BaseRetriever } from "@langchain/core/retrievers";
import type { StructuredReport } from "../../report/schema.js";
import type { ComposedAnswer } from "../compose/composed.js";
import type { LlmFallbackReason } from "../contract.js";
import type { Composer, ComposerResult } from "../pipeline.js";
import { LlmAnswerSchema, type LlmAnswer } from "./answer-schema.js";
import { AnswerStreamer } from "./answer-stream.js";
import type { PartialAnswer } from "./render.js";
import { modelBudget } from "./budget.js";
import { checkAnswer } from "./check-answer.js";
import { evidenceText } from "./evidence-text.js";
import { frameText } from "./frame-text.js";
import type { AnswerPrompts } from "./prompts.js";
import { runToolRounds } from "./tool-rounds.js";
import { TurnTools } from "./turn-tools.js";

export interface LlmComposerOptions {
  /** A chat model with tool calling and structured output (ChatOpenAI against any OpenAI-compatible server). */
  model: BaseChatModel;
  prompts: AnswerPrompts;
  report: StructuredReport;
  retriever: Pick<BaseRetriever, "invoke">;
  /** Tool-calling rounds before the model must answer. */
  toolRounds: number;
  /** Kept back from the remaining budget for the extractive fallback. */
  fallbackMarginMs: number;
  /** The answer budget, for a call without a deadline. */
  budgetMs: number;
  /** How withStructuredOutput asks for the structure: response_format json_schema (default) or a forced tool call. */
  structuredMethod?: "jsonSchema" | "functionCalling";
  log?: (message: string) => void;
}

const describeError = (err: unknown) => (err instanceof Error ? err.message : String(err)).split("\n")[0]!.slice(0, 300);

function isMalformed(err: unknown): boolean {
  return err instanceof OutputParserException || (err instanceof Error && (err.name === "ZodError" || err instanceof SyntaxError));
}

export function createLlmComposer(options: LlmComposerOptions): Composer {
  const log = options.log ?? ((m: string) => console.warn(`[sitrep] ${m}`));
  const structured = options.model.withStructuredOutput(LlmAnswerSchema, { name: "sitrep_answer", method: options.structuredMethod ?? "jsonSchema" });

  return {
    async compose({ question, frame, paragraphs, extractive, signal, deadline, onEvent }): Promise<ComposerResult> {
      const tools = new TurnTools(options.report, options.retriever);
      const streamer = new AnswerStreamer(tools, onEvent);
      const fallback = (reason: LlmFallbackReason, detail: string): ComposerResult => {
        log(`LLM answer not used (${reason}), giving the extractive answer: ${detail}`);
        // Text of the rejected answer already went out: the extractive answer replaces it.
        streamer.finish(extractive.answer);
        return { ...extractive, streamed: streamer.started, llm: { verified: false, reason } };
      };
      const budget = modelBudget(deadline ?? Date.now() + options.budgetMs, options.fallbackMarginMs, signal);
      if (budget.ms <= 0) return fallback("budget", "no time left for the model");
      try {
        const messages = await options.prompts.conversation.formatMessages({
          report_title: options.report.title,
          report_symbol: options.report.symbol,
          question,
          frame: frameText(frame),
          evidence: evidenceText(options.report, paragraphs),
        });
        await runToolRounds(options.model, tools, messages, options.toolRounds, budget.signal);
        messages.push(new HumanMessage(await options.prompts.final.format({ question })));
        let last: unknown;
        const stream = await structured.stream(messages, { signal: budget.signal, callbacks: [{ handleLLMNewToken: (token: string) => streamer.token(token) }] });
        for await (const chunk of stream) {
          last = chunk;
          streamer.partial(chunk as PartialAnswer);
        }
        // A streaming parser may hand over its last partial object unchecked: check it here.
        const parsed = LlmAnswerSchema.safeParse(last);
        if (!parsed.success) return fallback("malformed_output", `the answer does not fit the schema: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ").slice(0, 300)}`);
        const answer: LlmAnswer = parsed.data;
        if (!answer.answered) return fallback("refused", "the model said the evidence does not answer what decide accepted");
        const { composed, problems } = checkAnswer(answer, tools, { report: options.report, evidenceParagraphs: new Set(paragraphs) });
        if (problems.length) return fallback(problems[0]!.reason, problems.map((p) => p.message).join("; "));
        streamer.finish(composed.answer);
        return { ...(composed satisfies ComposedAnswer), streamed: streamer.started, llm: { verified: true } };
      } catch (err) {
        // The answer itself was abandoned: stop, do not fall back.
        if (signal?.aborted) throw signal.reason ?? err;
        if (budget.expired()) return fallback("budget", `no answer within ${budget.ms} ms`);
        return fallback(isMalformed(err) ? "malformed_output" : "model_error", describeError(err));
      } finally {
        budget.clear();
      }
    },
  };
}
