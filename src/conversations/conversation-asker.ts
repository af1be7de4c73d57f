// The front ends' asker: loads the conversation's recent turns, runs the pipeline, stores the turn.
// Ownership is checked here, once, for HTTP, SSE and Slack alike. A turn is stored only when the
// answer is complete and its request still wants it (an aborted answer stores nothing).
import type { AnswerPipeline, AnswerTurn, AskContext, AskRequest, AskResponse, Asker } from "../answer/contract.js";
import { ANONYMOUS_OWNER, type ConversationStore } from "../stores/types.js";

/** Turns of history the pipeline sees by default; storage keeps them all. */
export const DEFAULT_HISTORY_TURNS = 20;

export class ConversationNotFoundError extends Error {
  constructor(readonly conversationId: string) {
    super(`No conversation with id ${conversationId}.`);
    this.name = "ConversationNotFoundError";
  }
}

/** What a front end may also pass to this asker's ask() (other Askers ignore it). */
export interface ConversationAskContext extends AskContext {
  /** Once the question is accepted (its conversation may be used), with the ids the answer will carry: SSE sends them at once. */
  onAccepted?: (ids: { conversationId: string; answerId: string }) => void;
  /** The pipeline's turn, before it is stored: request logs and metrics read its route. */
  onTurn?: (turn: AnswerTurn) => void;
}

export interface ConversationAskerDeps {
  /** Runs in this thread or in a worker pool; either way it gets history and returns the turn. */
  pipeline: AnswerPipeline;
  store: ConversationStore;
  newId?: () => string;
  historyTurns?: number;
}

export function createConversationAsker(deps: ConversationAskerDeps): Asker {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const historyTurns = deps.historyTurns ?? DEFAULT_HISTORY_TURNS;
  return {
    async ask(request: AskRequest, context: ConversationAskContext = {}): Promise<AskResponse> {
      const owner = context.principal ?? ANONYMOUS_OWNER;
      const conversationId = request.conversationId ?? newId();
      if (request.conversationId !== undefined) {
        const existing = await deps.store.conversationOwner(conversationId);
        // Someone else's conversation looks exactly like one that does not exist.
        if (existing !== null && existing !== owner) throw new ConversationNotFoundError(conversationId);
      }
      const history = request.conversationId === undefined ? [] : await deps.store.recentTurns(conversationId, historyTurns);
      const answerId = newId();
      context.onAccepted?.({ conversationId, answerId });
      const turn = await deps.pipeline.answer({
        question: request.question,
        history,
        ...(request.debug ? { debug: true } : {}),
        ...(context.signal ? { signal: context.signal } : {}),
        ...(context.deadline !== undefined ? { deadline: context.deadline } : {}),
        ...(context.onEvent ? { onEvent: context.onEvent } : {}),
      });
      context.onTurn?.(turn);
      const response: AskResponse = {
        answer: turn.answer,
        answered: turn.answered,
        citations: turn.citations,
        conversationId,
        answerId,
        ...(turn.tool ? { tool: turn.tool } : {}),
        ...(turn.tools ? { tools: turn.tools } : {}),
        ...(turn.related ? { related: turn.related } : {}),
        ...(turn.evidence ? { evidence: turn.evidence } : {}),
      };
      context.signal?.throwIfAborted();
      await deps.store.appendTurn(conversationId, owner, {
        question: request.question,
        resolvedQuestion: turn.resolvedQuestion,
        response,
        ...(turn.frame !== undefined ? { frame: turn.frame } : {}),
        createdAt: new Date().toISOString(),
      });
      return response;
    },
  };
}
