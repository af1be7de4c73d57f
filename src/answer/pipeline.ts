// The answering pipeline, the five stages in order: understand -> retrieve -> decide -> compose ->
// verify. It takes the conversation's history and returns the turn; it stores nothing.
import type { BaseRetriever } from "@langchain/core/retrievers";
import { answerPart, type PartAnswer } from "./answer-part.js";
import type { ComposedAnswer } from "./compose/composed.js";
import { addCitation, quoteSentences } from "./compose/extractive.js";
import type { AnswerInput, AnswerPipeline, AnswerRoute, AnswerStreamEvent, AnswerTurn, Citation, LlmOutcome } from "./contract.js";
import { asEvidence, retrieveUnits, type RetrievedUnit } from "./evidence.js";
import type { ReportKnowledge } from "./knowledge/knowledge.js";
import { splitForStreaming } from "./stream-pieces.js";
import type { FramePart, QuestionFrame } from "./understand/frame.js";
import { covers } from "./understand/subject.js";
import { readFrame, understand } from "./understand/understand.js";
import { verifyAnswer } from "./verify.js";

/** What an optional second composer returns: its answer or the fallback, and whether it streamed it itself. */
export interface ComposerResult extends ComposedAnswer {
  llm?: LlmOutcome;
  /** The composer sent this answer's text through onEvent already (deltas, then a replace if it changed). */
  streamed?: boolean;
}

/** Optional second composer (an LLM). It gets the extractive answer as its fallback and is verified too. */
export interface Composer {
  compose(input: {
    question: string;
    frame: QuestionFrame;
    paragraphs: number[];
    extractive: ComposedAnswer;
    signal?: AbortSignal;
    deadline?: number;
    onEvent?: (event: AnswerStreamEvent) => void;
  }): Promise<ComposerResult>;
}

export interface PipelineDeps {
  knowledge: ReportKnowledge;
  retriever: Pick<BaseRetriever, "invoke">;
  composer?: Composer;
  log?: (message: string) => void;
}

function joinParts(answers: PartAnswer[], k: ReportKnowledge): { composed: ComposedAnswer; route: AnswerRoute } {
  if (answers.length === 1) return answers[0]!;
  // Two parts answered by the same quote say it once; a sentence an earlier part quoted is not quoted again.
  const said = new Set<string>();
  const quotedBefore = new Set<string>();
  answers = answers.flatMap((a) => {
    if (said.has(a.composed.answer)) return [];
    said.add(a.composed.answer);
    const quoted = a.composed.quoted ?? [];
    const repeated = a.route === "retrieval" && quoted.some((id) => quotedBefore.has(id));
    const fresh = quoted.filter((id) => !quotedBefore.has(id));
    const allQuotedBefore = quoted.length > 0 && fresh.length === 0;
    for (const id of quoted) quotedBefore.add(id);
    // A second computation on figures already quoted ("… and what's the percentage increase?") says so once.
    if (a.route === "tool" && allQuotedBefore) return [{ ...a, composed: withoutRepeatedQuote(a.composed, quoted, k) }];
    if (!repeated) return [a];
    if (fresh.length === 0) return [];
    return [{ ...a, composed: quoteSentences(fresh.flatMap((id) => k.sentences.byId.get(id) ?? [])) }];
  });
  const citations: Citation[] = [];
  for (const a of answers) for (const c of a.composed.citations) addCitation(citations, c);
  const answered = answers.some((a) => a.composed.answered);
  const tools = answers.flatMap((a) => (a.composed.tool ? [a.composed.tool] : []));
  return {
    composed: {
      answer: answers.map((a) => a.composed.answer).join(" "),
      answered,
      citations: answered ? citations : [],
      ...(tools.length > 0 ? { tool: tools[0]! } : {}),
      ...(tools.length > 1 ? { tools } : {}),
      quoted: answers.flatMap((a) => a.composed.quoted ?? []),
    },
    route: answers.find((a) => a.route === "tool")?.route ?? (answered ? "retrieval" : "refusal"),
  };
}

/** A computed answer ending in a quote said before ends at its paragraph reference instead. */
function withoutRepeatedQuote(composed: ComposedAnswer, quoted: string[], k: ReportKnowledge): ComposedAnswer {
  const quote = quoteSentences(quoted.flatMap((id) => k.sentences.byId.get(id) ?? [])).answer;
  return composed.answer.endsWith(`: ${quote}`) ? { ...composed, answer: `${composed.answer.slice(0, -(quote.length + 2))}.` } : composed;
}

export function createAnswerPipeline(deps: PipelineDeps): AnswerPipeline {
  const k = deps.knowledge;
  const log = deps.log ?? ((m: string) => console.warn(`[sitrep] ${m}`));

  /** The answer quotes a sentence about most of what was carried over from the previous question. */
  function aboutCarried(a: PartAnswer, frame: QuestionFrame): boolean {
    const carried = frame.subject.filter((s) => s.carried && s.weight > 0);
    const quoted = (a.composed.quoted ?? []).flatMap((id) => k.sentences.byId.get(id) ?? []);
    const total = carried.reduce((sum, c) => sum + c.weight, 0);
    return quoted.some((s) => carried.reduce((sum, c) => sum + (covers(s.terms, c) > 0 ? c.weight : 0), 0) > total * 0.5);
  }

  async function answerFrame(frame: QuestionFrame, signal?: AbortSignal) {
    const parts: FramePart[] = frame.parts.length ? frame.parts : [frame];
    // Retrieval runs for every question (the evidence a debug caller sees is retrieval's alone).
    const retrieved: RetrievedUnit[][] = [];
    for (const part of parts) retrieved.push(await retrieveUnits(deps.retriever, part.retrievalText, k, signal));
    signal?.throwIfAborted();
    // A swapped subject ("and the FPUs?") asks the same thing of another noun: the sentence already quoted may answer it too.
    const avoid = new Set(frame.followUp?.kind === "swap" ? [] : (frame.followUp?.previousEvidence ?? []));
    return { frame, parts, retrieved, answers: parts.map((part, i) => answerPart(part, retrieved[i]!, k, avoid)) };
  }

  return {
    async answer(input: AnswerInput): Promise<AnswerTurn> {
      const { question, history, debug, signal } = input;
      signal?.throwIfAborted();
      const previous = readFrame(history.at(-1)?.frame);
      let { frame, retrieved, answers } = await answerFrame(understand(question, previous, k), signal);
      // A question that names no earlier turn but finds nothing on its own ("which region is hit
      // hardest?") is tried once more as leaning on the previous question.
      if (previous && !frame.followUp && answers.every((a) => !a.composed.answered)) {
        const retry = await answerFrame(understand(question, previous, k, { assumeFollowUp: true }), signal);
        if (retry.answers.some((a) => a.composed.answered && aboutCarried(a, retry.frame))) ({ frame, retrieved, answers } = retry);
      }
      let { composed, route } = joinParts(answers, k);

      const evidenceParagraphs = new Set(retrieved.flat().flatMap((u) => u.units.filter((x) => x.startsWith("p")).map((x) => Number(x.slice(1)))));
      for (const p of frame.parts.length ? frame.parts : [frame]) if (p.reference?.kind === "paragraph") evidenceParagraphs.add(p.reference.paragraph);
      // (The user's numbers include those a follow-up carries over: "since June 2016" from the turn before.)
      const problems = verifyAnswer(composed, { report: k.report, evidenceParagraphs, question: [question, ...frame.times.map((t) => t.text)].join(" ") });
      if (problems.length) {
        log(`answer failed verification, refusing instead: ${problems.join("; ")}`);
        composed = { answer: `The report (${k.report.symbol}) does not answer “${question.trim()}” in a way that could be verified.`, answered: false, citations: [] };
        route = "refusal";
      }
      let streamed = false;
      let llm: LlmOutcome | undefined;
      // Only what decide accepted reaches the composer: a refusal stays a refusal.
      if (deps.composer && composed.answered && (route === "retrieval" || route === "tool")) {
        const result = await deps.composer.compose({
          question,
          frame,
          paragraphs: [...evidenceParagraphs],
          extractive: composed,
          ...(signal ? { signal } : {}),
          ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
          ...(input.onEvent ? { onEvent: input.onEvent } : {}),
        });
        ({ streamed = false, llm, ...composed } = result);
      }
      signal?.throwIfAborted();
      if (!streamed) for (const text of splitForStreaming(composed.answer)) input.onEvent?.({ type: "delta", text });
      return {
        answer: composed.answer,
        answered: composed.answered,
        citations: composed.citations,
        ...(composed.tool ? { tool: composed.tool } : {}),
        ...(composed.tools ? { tools: composed.tools } : {}),
        ...(composed.related ? { related: composed.related } : {}),
        ...(debug ? { evidence: asEvidence(retrieved[0]!) } : {}),
        resolvedQuestion: frame.retrievalText,
        frame: { ...frame, answeredWith: composed.quoted ?? [] },
        route,
        ...(llm ? { llm } : {}),
      };
    },
  };
}
