// Shapes shared by every numeric operation: the result and the provenance of each operand.
import type { AnnexIIGroup, ImplementationStatus, Sex } from "../report/schema.js";

/** An Annex II column group, plus the derived "uniformed" = military + total police. */
export type Component = AnnexIIGroup | "uniformed";
export const COMPONENTS = ["military", "individualPolice", "formedPoliceUnits", "totalPolice", "uniformed"] as const;
export type { Sex };

export type NumericUnit = "persons" | "countries" | "indicators" | "per cent" | "ratio" | string;

export interface AnnexIIProvenance {
  source: "Annex II";
  /** Country name as printed in Annex II, or "Total" for the totals row. */
  row: string;
  /** e.g. "Military component — Women" (the printed headings, src/report/schema.ts) */
  column: string;
  group: AnnexIIGroup;
  sex: Sex;
  value: number;
  flagged: boolean;
}

export interface AnnexIProvenance {
  source: "Annex I";
  indicator: string;
  objective: string;
  area: string;
  status: ImplementationStatus[];
}

export interface ParagraphProvenance {
  source: "paragraph";
  paragraph: number;
  /** The figure exactly as the caller quoted it (and as verified in the paragraph). */
  figure: string;
  value: number;
  unit: string;
}

export type Provenance = AnnexIIProvenance | AnnexIProvenance | ParagraphProvenance;

export interface RankedRow {
  country: string;
  value: number;
}

export interface NumericResult {
  value: number;
  unit: NumericUnit;
  /** Written-out arithmetic, e.g. "(143,600 − 141,500) / 141,500 = 1.5%". */
  formula: string;
  operands: Provenance[];
  /** Data warnings touching the cells used, each saying which value was used and why. */
  warnings: string[];
  /** Present whenever the value was rounded. */
  rounding?: string;
  /** Annex II countries or Annex I indicator ids that make up the result. */
  rows?: string[];
  /** Extra explanation, e.g. how indicators with two statuses were counted. */
  note?: string;
  /** Rankings: the ordered rows with their values. */
  ranking?: RankedRow[];
}
