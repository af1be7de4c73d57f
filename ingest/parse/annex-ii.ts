// Annex II (military and police strength by country) -> AnnexII + data warnings.
// Reads each printed row as a label plus digit groups, then lets the solver place the numbers.
import {
  AnnexIISchema,
  type AnnexII,
  type AnnexIIRow,
  type DataWarning,
  type Strength,
} from "../../src/report/schema.js";
import { contentLines, headerRunLength, joinFragments } from "./annex-lines.js";
import {
  cellGroup,
  cellSex,
  columnName,
  explainCell,
  solveTable,
  type Candidate,
  type DigitToken,
  type PrintedRow,
} from "./annex-ii-solver.js";
import { ReportParseError } from "./errors.js";

const TABLE_HEADER =
  "Military component (staff officers and units) Police component Individual police officers " +
  "Formed police units Total police Country Men Women Total Men Women Total Men Women Total Men Women Total";
const COLUMN_HEADER = /^Country(\s+(Men|Women|Total))+$/;
const ANNEX_HEADING = /^Annex\s+[IVX]+$/;
const AS_AT = /^as at\s+(.+)$/i;
const TOTALS_LABEL = "Total";

interface PrintedTable {
  rows: PrintedRow[];
  totals: PrintedRow;
}

function printedRow(prefix: readonly string[], line: string): PrintedRow {
  const firstDigit = line.search(/\d/);
  const label = line.slice(0, firstDigit);
  const tokens: DigitToken[] = [];
  for (const m of line.slice(firstDigit).matchAll(/\d+/g)) {
    const start = firstDigit + m.index;
    tokens.push({ digits: m[0], start, end: start + m[0].length });
  }
  const name = joinFragments([...prefix, label]);
  if (name === "") throw new ReportParseError("ANNEX_UNRECONCILED", `Annex II: a row of numbers has no country: "${line.trim()}"`);
  return { name, tokens, nameEnd: label.trimEnd().length };
}

/** Splits the annex into its preamble (title, "as at") and the printed copies of the table. */
function readTables(annexText: string): { title: string; asAt: string; tables: PrintedTable[] } {
  const lines = contentLines(annexText);
  const preamble: string[] = [];
  const tables: PrintedTable[] = [];
  let asAt = "";
  let rows: PrintedRow[] = [];
  let prefix: string[] = [];
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    const header = headerRunLength(lines, i, TABLE_HEADER);
    if (header > 0 || COLUMN_HEADER.test(t)) {
      inTable = true;
      i += Math.max(header, 1) - 1;
      continue;
    }
    if (ANNEX_HEADING.test(t) || (tables.length > 0 && preamble.includes(t))) continue;
    if (!inTable) {
      const m = AS_AT.exec(t);
      if (m) asAt = m[1]!.trim();
      preamble.push(t);
      continue;
    }
    if (!/\d/.test(t)) {
      prefix.push(t);
      continue;
    }
    const row = printedRow(prefix, lines[i]!);
    prefix = [];
    if (row.name === TOTALS_LABEL) {
      tables.push({ rows, totals: row });
      rows = [];
    } else rows.push(row);
  }
  if (tables.length === 0) {
    throw new ReportParseError("ANNEX_MISSING", `Annex II: no "${TOTALS_LABEL}" row found in the strength table.`);
  }
  const title = joinFragments(preamble.filter((l) => !AS_AT.test(l)));
  return { title, asAt, tables };
}

const signature = (r: PrintedRow) => `${r.name}: ${r.tokens.map((t) => t.digits).join(" ")}`;

/** Any later copy of the table must repeat the first one exactly (same rows, same printed numbers). */
function checkCopies(tables: readonly PrintedTable[]): void {
  const first = [...tables[0]!.rows, tables[0]!.totals];
  for (const [k, copy] of tables.slice(1).entries()) {
    const rows = [...copy.rows, copy.totals];
    for (let i = 0; i < Math.max(first.length, rows.length); i++) {
      const a = first[i];
      const b = rows[i];
      if (a && b && signature(a) === signature(b)) continue;
      throw new ReportParseError(
        "ANNEX_UNRECONCILED",
        `Annex II: copy ${k + 2} of the table differs from the first at row "${(a ?? b)!.name}" ` +
          `(first: "${a ? signature(a) : "missing"}", copy: "${b ? signature(b) : "missing"}").`,
      );
    }
  }
}

function strength(cells: readonly number[]): Strength {
  const s = (g: number) => ({ men: cells[g * 3]!, women: cells[g * 3 + 1]!, total: cells[g * 3 + 2]! });
  return { military: s(0), individualPolice: s(1), formedPoliceUnits: s(2), totalPolice: s(3) };
}

function warningsFor(row: string, cand: Candidate): DataWarning[] {
  return cand.corrections.map(({ cell, printed, implied }) => ({
    annex: "II" as const,
    row,
    group: cellGroup(cell),
    sex: cellSex(cell),
    printed,
    implied,
    used: implied,
    message:
      `Annex II, row "${row}", column "${columnName(cell)}": printed ${printed}, but the row's arithmetic ` +
      `implies ${implied} (${explainCell(cand.cells, cell)}). Used ${implied}, the implied value, because the ` +
      `printed one contradicts the row and the implied one makes every column sum to the totals row.`,
  }));
}

export function parseAnnexII(annexText: string): { annex: AnnexII; warnings: DataWarning[] } {
  const { title, asAt, tables } = readTables(annexText);
  checkCopies(tables);
  const table = tables[0]!;
  const solved = solveTable(table.rows, table.totals);
  const warnings: DataWarning[] = [];
  const rows: AnnexIIRow[] = table.rows.map((r, i) => {
    const cand = solved.rows[i]!;
    warnings.push(...warningsFor(r.name, cand));
    return { country: r.name, ...strength(cand.cells), flagged: cand.corrections.length > 0 };
  });
  warnings.push(...warningsFor(table.totals.name, solved.totals));
  const annex = AnnexIISchema.parse({ title, asAt, rows, totals: strength(solved.totals.cells) });
  return { annex, warnings };
}
