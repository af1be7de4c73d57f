// Seed text -> StructuredReport. Splits the body from the annexes and delegates to each parser.
import { createHash } from "node:crypto";
import { StructuredReportSchema, type StructuredReport } from "../../src/report/schema.js";
import { parseAnnexI } from "./annex-i.js";
import { parseAnnexII } from "./annex-ii.js";
import { ReportParseError } from "./errors.js";
import { isRunningHeader } from "./furniture.js";
import { parseParagraphs } from "./paragraphs.js";

const ANNEX_I_HEADING = /^\s*Annex I\s*$/m;
const ANNEX_II_HEADING = /^\s*Annex II\s*$/m;
const SYMBOL = /\bS\/\d{4}\/\d+\b/;

/** The report's own symbol is the one in its running headers; the others are documents it cites. */
function ownSymbol(text: string): string {
  const header = text.split("\n").find((line) => SYMBOL.test(line) && isRunningHeader(line));
  return header?.match(SYMBOL)?.[0] ?? "";
}

export function parseReport(text: string): StructuredReport {
  if (text.trim() === "") throw new ReportParseError("EMPTY", "The report file is empty.");
  const annexI = ANNEX_I_HEADING.exec(text);
  const annexII = ANNEX_II_HEADING.exec(text);
  const bodyEnd = annexI?.index ?? annexII?.index ?? text.length;
  const paragraphs = parseParagraphs(text.slice(0, bodyEnd));
  if (!annexI) throw new ReportParseError("ANNEX_MISSING", 'No "Annex I" heading found in the report.');
  if (!annexII) throw new ReportParseError("ANNEX_MISSING", 'No "Annex II" heading found in the report.');
  const { annex: annexIIData, warnings } = parseAnnexII(text.slice(annexII.index));
  const report: StructuredReport = {
    symbol: ownSymbol(text),
    title: text.trim().split("\n")[0]!.trim(),
    seedSha256: createHash("sha256").update(text).digest("hex"),
    paragraphs,
    annexI: parseAnnexI(text.slice(annexI.index, annexII.index)),
    annexII: annexIIData,
    warnings,
  };
  return StructuredReportSchema.parse(report);
}
