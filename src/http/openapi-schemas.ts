// zod schemas for the HTTP surface, shared by the routes and the OpenAPI document.
import { z } from "@hono/zod-openapi";
import { AskRequestSchema, AskResponseSchema, FeedbackRequestSchema } from "../answer/contract.js";
import { AnnexISchema, AnnexIISchema, DataWarningSchema, ParagraphSchema } from "../report/schema.js";

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: "Error" });

export const AskRequest = AskRequestSchema.meta({ id: "AskRequest", 
  example: { question: "How many troops does Senegal contribute?" },
});
export const AskResponse = AskResponseSchema.meta({ id: "AskResponse" });
export const FeedbackRequest = FeedbackRequestSchema.meta({ id: "FeedbackRequest" });
export const Paragraph = ParagraphSchema.meta({ id: "Paragraph" });
export const AnnexIResponse = AnnexISchema.meta({ id: "AnnexI" });
export const AnnexIIResponse = AnnexIISchema.extend({ warnings: z.array(DataWarningSchema) }).meta({ id: "AnnexII" });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
export const errorResponse = (description: string) => jsonResponse(ErrorSchema, description);

/** /v1 routes take an API key when API_KEYS is set (the empty requirement: none when it is not). */
export const API_KEY_SCHEME = "apiKey";
export const v1Security: Record<string, string[]>[] = [{ [API_KEY_SCHEME]: [] }, {}];

/** What any /v1 route can answer before it runs: no or a wrong key, a widget key out of bounds, too many requests. */
export const accessErrors = {
  401: errorResponse("Missing or invalid API key (when API_KEYS is set); WWW-Authenticate: Bearer"),
  403: errorResponse("A widget key used outside its routes or origins"),
  429: errorResponse("Over RATE_LIMIT_PER_MINUTE; Retry-After and RateLimit headers say when to retry"),
} as const;

/** The errors a body shaped like AskRequest can get, shared by /v1/ask and /v1/chat. */
export const askBodyErrors = {
  400: errorResponse("Missing, empty or too long question; invalid Unicode; malformed JSON"),
  404: errorResponse("conversation_not_found: the conversationId belongs to another principal or to the Slack bot"),
  413: errorResponse("Body over 64 KB"),
  415: errorResponse("Body is not application/json"),
  503: errorResponse("The database failed"),
  ...accessErrors,
} as const;
