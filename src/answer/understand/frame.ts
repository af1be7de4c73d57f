// The question frame: what a question asks, computed once from the question and the previous turn's
// frame, and read by every later stage (retrieve, decide, compose). Stored with the turn, so the next
// follow-up resolves against it. Validated with zod whenever it is read back.
import { z } from "zod";
import { COMPONENTS } from "../../tools/types.js";

export const ANSWER_TYPES = ["number", "person", "organisation", "place", "date", "reason", "manner", "yesno", "list", "description"] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** One thing the question is about, with the report wordings that would cover it. */
export const SubjectItemSchema = z.object({
  /** As asked: "blue helmets", "perished", "Almoustarat". */
  text: z.string(),
  /** Ways the report may say it, each a list of terms that must all be present, with how strongly it stands for the item (0..1). */
  alternatives: z.array(z.object({ terms: z.array(z.string()).min(1), strength: z.number().min(0).max(1) })),
  /** How much it tells the report's sentences apart (rarity), before any discount. */
  weight: z.number().nonnegative(),
  kind: z.enum(["word", "entity", "phrase"]),
  /** Entities: glossary kind (country, organisation, role, place …) or "name" for an unlisted proper noun. */
  entityKind: z.string().optional(),
  /** Named things (places, people, organisations) the answer must concern. */
  required: z.boolean(),
  /** Carried from the previous turn rather than asked in this one. */
  carried: z.boolean(),
  /** Neither it nor any alternative occurs anywhere in the report. */
  unknown: z.boolean(),
  /** A sex or a force component ("women", "police"): it qualifies a group rather than naming a subject. */
  qualifier: z.boolean().default(false),
  /** The force component it names ("police", "troops"), when it names one. */
  component: z.enum(COMPONENTS).optional(),
  /** Words: their part of speech (a noun the report never uses says more than an unknown verb). */
  pos: z.string().optional(),
});
export type SubjectItem = z.infer<typeof SubjectItemSchema>;

export const TimeConstraintSchema = z.object({
  text: z.string(),
  /** "previous": the earlier period a comparison names; "current": the report's period. */
  period: z.enum(["current", "previous"]).optional(),
  /** Which of the report's periods it names: the mandate period (a year) or the reporting period (since the last report). */
  span: z.enum(["mandate", "reporting"]).optional(),
  /** Months as year * 12 + month index, when the text names one. */
  month: z.number().int().optional(),
  year: z.number().int().optional(),
  /** The question wrote the year ("in 2016", "June 2016", "2016/17"), rather than only a month. */
  explicitYear: z.boolean().default(false),
  /** The whole year is asked ("in calendar year 2016", "throughout 2016"), not some time in it. */
  wholeYear: z.boolean().optional(),
  relation: z.enum(["in", "since", "before", "after", "by", "until"]),
});
export type TimeConstraint = z.infer<typeof TimeConstraintSchema>;

export const OperandSchema = z.object({
  /** The operand as asked: "attacks on the Malian forces". */
  text: z.string(),
  /** What the figure must describe: each item is covered by any one of its alternatives (all of whose terms must be present). */
  items: z.array(
    z.object({
      text: z.string(),
      alternatives: z.array(z.array(z.string()).min(1)),
      weight: z.number().nonnegative(),
      /** A specific named thing ("Mopti", "Niger"): a figure's sentence must name it, or the figure is about something else. */
      named: z.boolean().default(false),
    }),
  ),
  /** The item naming what the figure counts ("victims" in "the number of human rights victims"): the figure's own noun must be it. */
  head: z.string().optional(),
  period: z.enum(["current", "previous"]).optional(),
});
export type Operand = z.infer<typeof OperandSchema>;

export const OPERATIONS = ["percentChange", "difference", "sum", "share", "ratio", "count", "rank"] as const;
export const OperationSchema = z.object({
  kind: z.enum(OPERATIONS),
  /** What each operand must describe, in order (difference: a − b; percentChange: from, to; share: part, whole). */
  operands: z.array(OperandSchema),
  /** rank: how many and which end; count: the threshold. */
  order: z.enum(["most", "fewest"]).optional(),
  n: z.number().int().positive().optional(),
  position: z.number().int().positive().optional(),
  /** difference: how far the actual figure falls short of a limit ("short of the authorized ceiling"); one operand, the limit. */
  shortfall: z.boolean().optional(),
  /** percentChange: of a total made of the parts one sentence gives ("the overall % increase across all three forces"). */
  ofSums: z.boolean().optional(),
  /** shortfall: the operand items the question names the limit with ("short of the authorized ceiling"). */
  limitItems: z.array(z.string()).optional(),
});
export type Operation = z.infer<typeof OperationSchema>;

export const TableQuerySchema = z.object({
  annex: z.enum(["I", "II"]),
  countries: z.array(z.object({ row: z.string().nullable(), name: z.string(), host: z.boolean(), byPeople: z.boolean() })),
  component: z.enum(COMPONENTS).optional(),
  /** Components named in the question, in order (two for "police vs military"). */
  components: z.array(z.enum(COMPONENTS)),
  sex: z.enum(["men", "women", "total"]).optional(),
  sexes: z.array(z.enum(["men", "women"])),
  /** "no troops", "only police": components the question negates or restricts to. */
  negated: z.array(z.enum(COMPONENTS)).default([]),
  only: z.array(z.enum(COMPONENTS)).default([]),
  /** "more than 100 troops". */
  threshold: z.object({ comparator: z.enum(["gt", "gte", "lt", "lte", "eq"]), value: z.number() }).optional(),
  /** Plain "police" was read as total police (the answer says so). */
  policeAmbiguous: z.boolean().default(false),
  /** Annex I. */
  status: z.enum(["Implemented", "Ongoing", "Not implemented", "none"]).optional(),
  indicator: z.string().optional(),
  area: z.string().optional(),
  objective: z.string().optional(),
  /** "Which … / list": names the rows rather than only counting them. */
  wantsList: z.boolean(),
});
export type TableQuery = z.infer<typeof TableQuerySchema>;

export const ReferenceSchema = z.union([
  z.object({ kind: z.literal("paragraph"), paragraph: z.number().int().positive(), subItem: z.string().optional() }),
  z.object({ kind: z.literal("annex"), annex: z.enum(["I", "II"]) }),
]);

const BaseFrameSchema = z.object({
  /** The question (or this part of it) as asked. */
  question: z.string(),
  answerType: z.enum(ANSWER_TYPES),
  /** The noun a "how many" / "which" question asks about ("peacekeepers", "country"). */
  asked: z.string().optional(),
  subject: z.array(SubjectItemSchema),
  times: z.array(TimeConstraintSchema),
  /** Years or months the question names that the report's period does not reach. */
  afterReport: z.array(z.string()),
  operation: OperationSchema.optional(),
  table: TableQuerySchema.optional(),
  reference: ReferenceSchema.optional(),
  /** A negated yes/no ("Has no … been …?") or "not" in the question. */
  negated: z.boolean(),
  /** Documents the question cites by symbol or number ("resolution 2364", "S/2017/271"). */
  documents: z.array(z.string()).default([]),
  /** Figures the question itself states ("28→8", "53.3 out of 1,589.7 million"): evidence that states them is about the same thing. */
  figures: z.array(z.number()).default([]),
  /** The question asks for the extreme of something ("hit hardest", "the biggest", "most affected"). */
  superlative: z.boolean().default(false),
  /** A follow-up whose operand is the previous answer ("What share of the closed schools is that?"): what was carried over is the part. */
  onPreviousAnswer: z.boolean().default(false),
  /** The text retrieval searches: the question, with what a follow-up carries over. */
  retrievalText: z.string(),
});

export const QuestionFrameSchema = BaseFrameSchema.extend({
  /** Set when the question leans on the previous turn, with how. */
  followUp: z
    .object({
      kind: z.enum(["ellipsis", "pronoun", "why", "next", "swap"]),
      /** The previous answer's quoted sentences ("p17#5"): a new question is not answered with them again. */
      previousEvidence: z.array(z.string()),
    })
    .optional(),
  /** One question asking two things: each part is answered on its own. */
  parts: z.array(BaseFrameSchema),
  /** Filled in after composing: the sentences the answer quoted ("p17#5"), for the next turn. */
  answeredWith: z.array(z.string()).default([]),
});
export type QuestionFrame = z.infer<typeof QuestionFrameSchema>;
export type FramePart = z.infer<typeof BaseFrameSchema>;
