// Typed failures of the numeric tool. Every bad input ends here, never in NaN or Infinity.
export type NumericToolErrorCode =
  | "UNKNOWN_COUNTRY"
  | "UNKNOWN_COMPONENT"
  | "UNKNOWN_SEX"
  | "EMPTY_SET"
  | "DIVISION_BY_ZERO"
  | "OPERAND_NOT_IN_PARAGRAPH"
  | "UNKNOWN_PARAGRAPH"
  | "UNPARSEABLE_FIGURE"
  | "INCOMPATIBLE_UNITS"
  | "UNKNOWN_INDICATOR"
  | "UNKNOWN_AREA"
  | "UNKNOWN_OBJECTIVE"
  | "INVALID_ARGUMENT";

export class NumericToolError extends Error {
  constructor(
    public readonly code: NumericToolErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "NumericToolError";
  }
}
