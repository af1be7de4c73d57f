// The golden-suite case format (one JSON object per JSONL line), validated with zod.
import { z } from "zod";

export const CASE_TYPES = ["numeric", "text", "refusal"] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const ExpectedSchema = z
  .object({
    /** Every listed number must appear in the answer text (within tolerance). */
    numbers: z.array(z.number().finite()).default([]),
    abs_tol: z.number().nonnegative().default(0),
    rel_tol: z.number().nonnegative().default(0),
    /** Case-insensitive phrases every correct answer contains. */
    must_contain: z.array(z.string().min(1)).default([]),
    /** Case-insensitive phrases a correct answer never contains. */
    must_not_contain: z.array(z.string().min(1)).default([]),
  })
  .strict();

const CitationRefSchema = z
  .string()
  .regex(/^\s*(para\.?\s*\d+(\s*\([a-z]\))?|annex\s+(i|ii)\b.*)$/i, 'citation must look like "para. 17", "para. 18 (b)", "Annex I", "Annex II Senegal"');

export const FollowupSchema = z
  .object({
    question: z.string().trim().min(1),
    /** Defaults to the parent case's type. */
    type: z.enum(CASE_TYPES).optional(),
    expected: ExpectedSchema.default(() => ExpectedSchema.parse({})),
    citations: z.array(CitationRefSchema).default([]),
    citation_match: z.enum(["any", "all"]).optional(),
  })
  .strict();

export const GoldenCaseSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.-]+$/, "id must be letters, digits, '_', '.', '-'"),
    question: z.string().trim().min(1),
    type: z.enum(CASE_TYPES),
    expected: ExpectedSchema.default(() => ExpectedSchema.parse({})),
    citations: z.array(CitationRefSchema).default([]),
    citation_match: z.enum(["any", "all"]).default("any"),
    followups: z.array(FollowupSchema).default([]),
    tags: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    const turns = [{ type: c.type, citations: c.citations, where: [] as (string | number)[] }].concat(
      c.followups.map((f, i) => ({ type: f.type ?? c.type, citations: f.citations, where: ["followups", i] })),
    );
    for (const t of turns) {
      if (t.type === "refusal" && t.citations.length > 0) {
        ctx.addIssue({ code: "custom", path: [...t.where, "citations"], message: "a refusal expects no citations" });
      }
      if (t.type !== "refusal" && t.citations.length === 0) {
        ctx.addIssue({ code: "custom", path: [...t.where, "citations"], message: "an answerable turn needs at least one expected citation" });
      }
    }
    if (c.type === "numeric" && c.expected.numbers.length === 0) {
      ctx.addIssue({ code: "custom", path: ["expected", "numbers"], message: "a numeric case needs expected.numbers" });
    }
  });

export type Expected = z.infer<typeof ExpectedSchema>;
export type Followup = z.infer<typeof FollowupSchema>;
export type GoldenCase = z.infer<typeof GoldenCaseSchema>;

/** One question of a case: the case itself is turn 0, its follow-ups are turns 1..n. */
export interface Turn {
  index: number;
  question: string;
  type: CaseType;
  expected: Expected;
  citations: string[];
  citationMatch: "any" | "all";
}

export function caseTurns(c: GoldenCase): Turn[] {
  const first: Turn = { index: 0, question: c.question, type: c.type, expected: c.expected, citations: c.citations, citationMatch: c.citation_match };
  return [
    first,
    ...c.followups.map((f, i) => ({
      index: i + 1,
      question: f.question,
      type: f.type ?? c.type,
      expected: f.expected,
      citations: f.citations,
      citationMatch: f.citation_match ?? c.citation_match,
    })),
  ];
}
