// The public answer contract shared by /v1/ask, /v1/chat, the widget, the Slack bot and the eval runner.
import { z } from "zod";

export const MAX_QUESTION_CHARS = 2000;

/** Invisible characters (zero-width spaces and joiners, bidi controls, soft hyphens, variation selectors). */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
/** In a `u` regex a paired surrogate is one code point, so this matches only unpaired halves. */
const LONE_SURROGATE = /\p{Cs}/u;

export const AskRequestSchema = z.object({
  // Normalised here, at the boundary, so what is answered, stored and shown is one string:
  // "Sen\u200Begal" is "Senegal", full-width digits are digits (NFKC).
  question: z
    .string({ error: "question is required" })
    .refine((s) => !LONE_SURROGATE.test(s), { message: "question must be valid Unicode (it has an unpaired surrogate)", abort: true })
    .overwrite((s) => s.replace(INVISIBLE, "").normalize("NFKC"))
    .trim()
    .min(1, "question must not be empty")
    .max(MAX_QUESTION_CHARS, `question must be at most ${MAX_QUESTION_CHARS} characters`),
  conversationId: z.string().min(1).max(200).optional(),
  /** When true the response carries `evidence`: the ranked chunk refs retrieval produced. */
  debug: z.boolean().optional(),
});

export const ParagraphCitationSchema = z.object({
  ref: z.string(), // "para. 17" or "para. 18 (b)"
  paragraph: z.number().int().positive(),
  subItem: z.string().optional(),
  quote: z.string(),
});

export const AnnexCitationSchema = z.object({
  ref: z.string(), // "Annex I" | "Annex II"
  annex: z.enum(["I", "II"]),
  /** Annex II: country names; Annex I: indicator ids. */
  rows: z.array(z.string()),
});

export const CitationSchema = z.union([ParagraphCitationSchema, AnnexCitationSchema]);

export const ToolTraceSchema = z.object({
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  result: z.number(),
  unit: z.string(),
  formula: z.string(),
  operands: z.array(z.record(z.string(), z.unknown())),
  warnings: z.array(z.string()),
});

/** A passage a refusal points to: what the report does say nearest to the question. Never a citation. */
export const RelatedPassageSchema = z.object({
  ref: z.string(),
  quote: z.string(),
});

export const EvidenceSchema = z.object({
  /** Chunk ref in rank order, e.g. "para. 47", "Annex I 2.3", "Annex II Senegal". */
  ref: z.string(),
  score: z.number(),
});

export const AskResponseSchema = z.object({
  answer: z.string(),
  answered: z.boolean(),
  citations: z.array(CitationSchema),
  conversationId: z.string(),
  answerId: z.string(),
  tool: ToolTraceSchema.optional(),
  /** A question in parts computed more than once: every numeric-tool call, in part order (`tool` is the first). */
  tools: z.array(ToolTraceSchema).optional(),
  /** Refusals: passages the report does have near the question, for the reader; not citations. */
  related: z.array(RelatedPassageSchema).optional(),
  evidence: z.array(EvidenceSchema).optional(),
});

export type AskRequest = z.infer<typeof AskRequestSchema>;
export type ParagraphCitation = z.infer<typeof ParagraphCitationSchema>;
export type AnnexCitation = z.infer<typeof AnnexCitationSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type ToolTrace = z.infer<typeof ToolTraceSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type RelatedPassage = z.infer<typeof RelatedPassageSchema>;
export type AskResponse = z.infer<typeof AskResponseSchema>;

/** One earlier turn of a conversation, as the pipeline reads it (front ends load it from their store). */
export interface PriorTurn {
  question: string;
  resolvedQuestion: string;
  response: Pick<AskResponse, "answer" | "answered" | "citations" | "tool">;
  /** The question frame the turn was answered with (JSON); validated by the pipeline before use. */
  frame?: unknown;
}

export interface AnswerInput {
  question: string;
  /** Earlier turns, oldest first (already bounded by the caller). */
  history: readonly PriorTurn[];
  debug?: boolean;
  /** Aborted when the answer's time budget is spent or the client has gone: the pipeline stops. */
  signal?: AbortSignal;
  /** When the budget ends (epoch ms): a slow composer (an LLM) gets what is left minus room for the fallback. */
  deadline?: number;
  /**
   * Receives the answer text as the composer produces it; the pieces concatenate to the final `answer`
   * unless a `replace` follows (verification rejected what was streamed and the fallback replaces it).
   */
  onEvent?: (event: AnswerStreamEvent) => void;
}

export type AnswerStreamEvent = { type: "delta"; text: string } | { type: "replace"; answer: string };

/** Which way the question was answered (for logs and metrics). */
export const ANSWER_ROUTES = ["reference", "tool", "retrieval", "refusal"] as const;
export type AnswerRoute = (typeof ANSWER_ROUTES)[number];

/**
 * Why an LLM answer was not used and the extractive one was given instead (the label of the metric):
 * out of time, the model's call failed, its output did not parse, it refused what decide accepted, or
 * verification found a citation, quote, number or tool-call id it could not check.
 */
export const LLM_FALLBACK_REASONS = ["budget", "model_error", "malformed_output", "refused", "citation", "quote", "number", "tool_call"] as const;
export type LlmFallbackReason = (typeof LLM_FALLBACK_REASONS)[number];
/** What became of the LLM's answer for a turn the LLM stage ran on. */
export type LlmOutcome = { verified: true } | { verified: false; reason: LlmFallbackReason };

/** What the pipeline returns for one question; the caller gives it ids and stores it. */
export interface AnswerTurn {
  answer: string;
  answered: boolean;
  citations: Citation[];
  tool?: ToolTrace;
  /** Every tool call, when the parts of the question computed more than one. */
  tools?: ToolTrace[];
  related?: RelatedPassage[];
  evidence?: Evidence[];
  resolvedQuestion: string;
  frame?: unknown;
  route: AnswerRoute;
  /** Set when an LLM stage ran on this turn (for logs and metrics). */
  llm?: LlmOutcome;
}

/** understand -> retrieve -> decide -> compose -> verify. It never stores anything. */
export interface AnswerPipeline {
  answer(input: AnswerInput): Promise<AnswerTurn>;
}

export interface AskContext extends Pick<AnswerInput, "signal" | "deadline" | "onEvent"> {
  /** Who is asking (an API key's name); conversations belong to the principal that started them. */
  principal?: string;
}

/** What every front end (HTTP, SSE, Slack, eval) calls: the pipeline plus the conversation store. */
export interface Asker {
  ask(request: AskRequest, context?: AskContext): Promise<AskResponse>;
}

export const FeedbackRequestSchema = z.object({
  answerId: z.string().min(1).max(200),
  rating: z.enum(["up", "down"]),
  comment: z.string().max(2000).optional(),
});
export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;
