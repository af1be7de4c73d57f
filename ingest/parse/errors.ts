export type ReportParseErrorCode = "EMPTY" | "NO_PARAGRAPHS" | "ANNEX_MISSING" | "ANNEX_UNRECONCILED";

/** Raised when the seed text cannot be turned into a structured report. */
export class ReportParseError extends Error {
  constructor(
    public code: ReportParseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ReportParseError";
  }
}
