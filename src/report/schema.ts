// The structured report: the one file ingest writes and every later part reads.
// Nothing downstream re-parses the seed text; it loads this and validates it.
import { z } from "zod";

export const SubItemSchema = z.object({
  /** The sub-item letter, e.g. "b" for para. 18 (b). */
  label: z.string().regex(/^[a-z]$/),
  text: z.string().min(1),
});

export const ParagraphSchema = z.object({
  number: z.number().int().positive(),
  /** e.g. "III. Major security developments" */
  chapter: z.string().min(1),
  /** e.g. "A. Asymmetric and other attacks", "French forces"; null when the chapter has no sub-sections. */
  section: z.string().min(1).nullable(),
  /** Cleaned text of the whole paragraph, sub-items included. */
  text: z.string().min(1),
  /** Sub-items such as (a)…(d); empty when the paragraph has none. */
  subItems: z.array(SubItemSchema),
});

export const ImplementationStatusSchema = z.enum(["Implemented", "Ongoing", "Not implemented"]);

export const IndicatorSchema = z.object({
  /** e.g. "2.3.3" */
  id: z.string().regex(/^\d+\.\d+\.\d+$/),
  /** e.g. "2.3" */
  objective: z.string().regex(/^\d+\.\d+$/),
  /** e.g. "1" */
  area: z.string().regex(/^\d+$/),
  text: z.string().min(1),
  /** Empty when the annex gives none (2.3.3); two entries when it gives two (4.2.1). */
  status: z.array(ImplementationStatusSchema),
  deadline: z.string().min(1).nullable(),
  comments: z.string(),
});

export const ObjectiveSchema = z.object({
  id: z.string().regex(/^\d+\.\d+$/),
  area: z.string().regex(/^\d+$/),
  text: z.string().min(1),
});

export const AreaSchema = z.object({
  id: z.string().regex(/^\d+$/),
  /** e.g. "Political and institutional matters" */
  title: z.string().min(1),
  /** The area's overall goal sentence printed under its title. */
  goal: z.string(),
});

export const AnnexISchema = z.object({
  title: z.string(),
  areas: z.array(AreaSchema),
  objectives: z.array(ObjectiveSchema),
  indicators: z.array(IndicatorSchema),
});

export const SexBreakdownSchema = z.object({
  men: z.number().int().nonnegative(),
  women: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const ANNEX_II_GROUPS = ["military", "individualPolice", "formedPoliceUnits", "totalPolice"] as const;
export const ANNEX_II_SEXES = ["men", "women", "total"] as const;
export type AnnexIIGroup = (typeof ANNEX_II_GROUPS)[number];
export type Sex = (typeof ANNEX_II_SEXES)[number];

/** Annex II's column headings as printed, for messages and provenance. */
export const ANNEX_II_GROUP_HEADINGS: Record<AnnexIIGroup, string> = {
  military: "Military component",
  individualPolice: "Individual police officers",
  formedPoliceUnits: "Formed police units",
  totalPolice: "Total police",
};
export const ANNEX_II_SEX_HEADINGS: Record<Sex, string> = { men: "Men", women: "Women", total: "Total" };

export const StrengthSchema = z.object({
  military: SexBreakdownSchema,
  individualPolice: SexBreakdownSchema,
  formedPoliceUnits: SexBreakdownSchema,
  totalPolice: SexBreakdownSchema,
});

/**
 * A printed cell that contradicts the table's own arithmetic. The row keeps the value the
 * arithmetic implies (so sums reconcile with the totals row); `printed` keeps what the report says.
 */
export const DataWarningSchema = z.object({
  annex: z.literal("II"),
  /** Country name, or "Total" for the totals row. */
  row: z.string(),
  group: z.enum(ANNEX_II_GROUPS),
  sex: z.enum(ANNEX_II_SEXES),
  printed: z.number(),
  implied: z.number(),
  used: z.number(),
  message: z.string(),
});

export const AnnexIIRowSchema = StrengthSchema.extend({
  country: z.string().min(1),
  /** True when a printed value in this row contradicts the arithmetic; see report.warnings. */
  flagged: z.boolean(),
});

export const AnnexIISchema = z.object({
  title: z.string(),
  /** e.g. "20 May 2017" */
  asAt: z.string(),
  rows: z.array(AnnexIIRowSchema),
  totals: StrengthSchema,
});

export const StructuredReportSchema = z.object({
  symbol: z.string(),
  title: z.string(),
  seedSha256: z.string().regex(/^[0-9a-f]{64}$/),
  paragraphs: z.array(ParagraphSchema),
  annexI: AnnexISchema,
  annexII: AnnexIISchema,
  warnings: z.array(DataWarningSchema),
});

export type SubItem = z.infer<typeof SubItemSchema>;
export type Paragraph = z.infer<typeof ParagraphSchema>;
export type ImplementationStatus = z.infer<typeof ImplementationStatusSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Objective = z.infer<typeof ObjectiveSchema>;
export type Area = z.infer<typeof AreaSchema>;
export type AnnexI = z.infer<typeof AnnexISchema>;
export type SexBreakdown = z.infer<typeof SexBreakdownSchema>;
export type Strength = z.infer<typeof StrengthSchema>;
export type DataWarning = z.infer<typeof DataWarningSchema>;
export type AnnexIIRow = z.infer<typeof AnnexIIRowSchema>;
export type AnnexII = z.infer<typeof AnnexIISchema>;
export type StructuredReport = z.infer<typeof StructuredReportSchema>;
