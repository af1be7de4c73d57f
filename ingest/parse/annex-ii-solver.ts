// Resolves Annex II rows whose empty cells were lost in the PDF export.
// A row is a run of digit groups; spaces separate both thousands ("1 506") and cells. We
// enumerate the ways to read the groups as numbers and place them into the 12 cells in order,
// keep the readings that satisfy the table's arithmetic, then pick one reading per row so that
// every column sums to the totals row. Spacing is only a tie-break among equally valid choices.
import { ANNEX_II_GROUP_HEADINGS, ANNEX_II_GROUPS, ANNEX_II_SEX_HEADINGS, ANNEX_II_SEXES, type AnnexIIGroup, type Sex } from "../../src/report/schema.js";
import { ReportParseError } from "./errors.js";

export const CELLS = 12;
const GROUP_LABEL = ANNEX_II_GROUP_HEADINGS;
const SEX_LABEL = ANNEX_II_SEX_HEADINGS;

export interface DigitToken {
  digits: string;
  /** Character offsets in the printed line. */
  start: number;
  end: number;
}

export interface PrintedRow {
  name: string;
  tokens: DigitToken[];
  /** Offset just after the row label in the line holding the numbers. */
  nameEnd: number;
}

export interface Correction {
  cell: number;
  printed: number;
  implied: number;
}

export interface Candidate {
  /** The 12 values used (corrected where the arithmetic required it); empty cells are 0. */
  cells: number[];
  corrections: Correction[];
  /** Layout mismatch (lower is better); a tie-break only. */
  cost: number;
}

export const cellGroup = (cell: number): AnnexIIGroup => ANNEX_II_GROUPS[Math.floor(cell / 3)]!;
export const cellSex = (cell: number): Sex => ANNEX_II_SEXES[cell % 3]!;
export const columnName = (cell: number) => `${GROUP_LABEL[cellGroup(cell)]} / ${SEX_LABEL[cellSex(cell)]}`;

/** The row arithmetic as [a, b, sum] cell triples: men + women = total; individual + formed = total police. */
export const CONSTRAINTS: readonly (readonly [number, number, number])[] = [
  [0, 1, 2],
  [3, 4, 5],
  [6, 7, 8],
  [9, 10, 11],
  [3, 6, 9],
  [4, 7, 10],
  [5, 8, 11],
];

const holds = (v: readonly number[], [a, b, s]: readonly [number, number, number]) => v[a]! + v[b]! === v[s]!;
export const violations = (v: readonly number[]) => CONSTRAINTS.filter((c) => !holds(v, c));

/** Explains the arithmetic behind a cell's implied value, e.g. "men 17 + women 14 = 31". */
export function explainCell(cells: readonly number[], cell: number): string {
  return CONSTRAINTS.filter((c) => c.includes(cell))
    .map(([a, b, s]) => {
      const label = (i: number) =>
        a % 3 !== b % 3 ? SEX_LABEL[cellSex(i)].toLowerCase() : GROUP_LABEL[cellGroup(i)].toLowerCase();
      return `${label(a)} ${cells[a]} + ${label(b)} ${cells[b]} = ${cells[s]}`;
    })
    .join("; ");
}

interface Placement {
  values: number[];
  /** For each placed number: its cell and first/last token index. */
  numbers: { cell: number; first: number; last: number }[];
}

/** Checks the constraints that are complete once `cell` has been filled. */
function partialOk(v: readonly number[], cell: number): boolean {
  return CONSTRAINTS.every((c) => Math.max(...c) !== cell || holds(v, c));
}

/** Every reading of the digit groups as numbers placed into the 12 cells in order. */
function placements(tokens: readonly DigitToken[], exactOnly: boolean): Placement[] {
  const out: Placement[] = [];
  const values = new Array<number>(CELLS).fill(0);
  const numbers: Placement["numbers"] = [];
  // Fewest numbers the tokens from i on can form (a group of exactly 3 digits may join its predecessor).
  const minNumbers = tokens.map((_, i) => 1 + tokens.slice(i + 1).filter((t) => t.digits.length !== 3).length);
  const rec = (ti: number, cell: number): void => {
    if (ti === tokens.length) {
      for (let c = cell; c < CELLS; c++) values[c] = 0;
      if (!exactOnly || violations(values).length === 0) out.push({ values: [...values], numbers: [...numbers] });
      return;
    }
    if (CELLS - cell < minNumbers[ti]!) return;
    let digits = "";
    for (let last = ti; last < tokens.length; last++) {
      const tok = tokens[last]!;
      if (last > ti && tok.digits.length !== 3) break;
      digits += tok.digits;
      values[cell] = Number(digits);
      if (exactOnly && !partialOk(values, cell)) continue;
      numbers.push({ cell, first: ti, last });
      rec(last + 1, cell + 1);
      numbers.pop();
    }
    values[cell] = 0;
    if (!exactOnly || partialOk(values, cell)) rec(ti, cell + 1);
  };
  rec(0, 0);
  return out;
}

/**
 * How far the spacing departs from what the placement implies: adjacent cells are 1-2 spaces
 * apart, each skipped cell adds about two more, and thousands separators are single spaces.
 */
function layoutCost(row: PrintedRow, p: Placement): number {
  let cost = 0;
  let prevEnd = row.nameEnd;
  let prevCell = -1;
  for (const n of p.numbers) {
    const gap = row.tokens[n.first]!.start - prevEnd;
    const skipped = n.cell - prevCell - 1;
    cost += skipped === 0 ? Math.max(0, gap - 2) : Math.abs(gap - (1 + 2 * skipped));
    for (let t = n.first + 1; t <= n.last; t++) cost += row.tokens[t]!.start - row.tokens[t - 1]!.end - 1;
    prevEnd = row.tokens[n.last]!.end;
    prevCell = n.cell;
  }
  return cost;
}

/** Readings that become exact by changing one printed cell to the value its group's arithmetic implies. */
function singleCorrections(p: Placement): { cells: number[]; corrections: Correction[] }[] {
  const out: { cells: number[]; corrections: Correction[] }[] = [];
  for (const { cell } of p.numbers) {
    const [a, b, s] = CONSTRAINTS[Math.floor(cell / 3)]!;
    const v = p.values;
    const implied = cell === s ? v[a]! + v[b]! : v[s]! - v[cell === a ? b : a]!;
    if (implied < 0 || implied === v[cell]) continue;
    const cells = [...v];
    cells[cell] = implied;
    if (violations(cells).length === 0) out.push({ cells, corrections: [{ cell, printed: v[cell]!, implied }] });
  }
  return out;
}

function describeViolation(row: PrintedRow, values: readonly number[]): string {
  const [a, b, s] = violations(values)[0] ?? CONSTRAINTS[0]!;
  return (
    `Annex II: row "${row.name}", column "${columnName(s)}": cannot be reconciled; in the closest reading ` +
    `${columnName(a)} ${values[a]} + ${columnName(b)} ${values[b]} != ${values[s]}, and no single corrected cell fixes the row.`
  );
}

/**
 * The readings of a row consistent with its arithmetic, best layout first. When none is exact,
 * the readings that need exactly one printed cell corrected. Throws when neither exists.
 */
export function rowCandidates(row: PrintedRow): Candidate[] {
  const exact = placements(row.tokens, true);
  let found: Candidate[] = exact.map((p) => ({ cells: p.values, corrections: [], cost: layoutCost(row, p) }));
  if (found.length === 0) {
    const all = placements(row.tokens, false);
    found = all.flatMap((p) => singleCorrections(p).map((c) => ({ ...c, cost: layoutCost(row, p) })));
    if (found.length === 0) {
      const closest = all.reduce<Placement | undefined>(
        (best, p) => (!best || violations(p.values).length < violations(best.values).length ? p : best),
        undefined,
      );
      throw new ReportParseError(
        "ANNEX_UNRECONCILED",
        closest
          ? describeViolation(row, closest.values)
          : `Annex II: row "${row.name}" has more numbers than the table has columns.`,
      );
    }
  }
  return found.sort((x, y) => x.cost - y.cost);
}

export interface TableSolution {
  rows: Candidate[];
  totals: Candidate;
}

/**
 * Picks one candidate per row so that every column sums to the totals row, minimising the total
 * layout cost (branch and bound; ties go to the earlier-listed, i.e. better-laid-out, reading).
 */
export function solveTable(rows: readonly PrintedRow[], totalsRow: PrintedRow): TableSolution {
  const cands = rows.map(rowCandidates);
  const totalCands = rowCandidates(totalsRow);
  for (const totals of totalCands) {
    const picked = searchColumns(cands, totals.cells);
    if (picked) return { rows: picked, totals };
  }
  const totals = totalCands[0]!;
  const sums = new Array<number>(CELLS).fill(0);
  for (const c of cands) c[0]!.cells.forEach((v, i) => (sums[i]! += v));
  const col = sums.findIndex((v, i) => v !== totals.cells[i]);
  throw new ReportParseError(
    "ANNEX_UNRECONCILED",
    `Annex II: row "${totalsRow.name}", column "${columnName(Math.max(col, 0))}": no reading of the rows makes ` +
      `the column sum to the printed ${totals.cells[Math.max(col, 0)]} (the most likely readings sum to ${sums[Math.max(col, 0)]}).`,
  );
}

const NODE_BUDGET = 5_000_000;

function searchColumns(cands: readonly Candidate[][], target: readonly number[]): Candidate[] | undefined {
  const order = cands.map((_, i) => i).sort((a, b) => cands[a]!.length - cands[b]!.length);
  const n = order.length;
  const minRem = Array.from({ length: n + 1 }, () => new Array<number>(CELLS).fill(0));
  const maxRem = Array.from({ length: n + 1 }, () => new Array<number>(CELLS).fill(0));
  const costRem = new Array<number>(n + 1).fill(0);
  for (let p = n - 1; p >= 0; p--) {
    const cs = cands[order[p]!]!;
    for (let c = 0; c < CELLS; c++) {
      const vals = cs.map((x) => x.cells[c]!);
      minRem[p]![c] = minRem[p + 1]![c]! + Math.min(...vals);
      maxRem[p]![c] = maxRem[p + 1]![c]! + Math.max(...vals);
    }
    costRem[p] = costRem[p + 1]! + Math.min(...cs.map((x) => x.cost));
  }
  const chosen = new Array<Candidate | undefined>(cands.length);
  const sums = new Array<number>(CELLS).fill(0);
  let best: Candidate[] | undefined;
  let bestCost = Infinity;
  let nodes = 0;
  const dfs = (p: number, cost: number): void => {
    if (++nodes > NODE_BUDGET || cost + costRem[p]! >= bestCost) return;
    for (let c = 0; c < CELLS; c++) {
      if (sums[c]! + minRem[p]![c]! > target[c]! || sums[c]! + maxRem[p]![c]! < target[c]!) return;
    }
    if (p === n) {
      best = chosen.map((x) => x!);
      bestCost = cost;
      return;
    }
    const row = order[p]!;
    for (const cand of cands[row]!) {
      chosen[row] = cand;
      cand.cells.forEach((v, i) => (sums[i]! += v));
      dfs(p + 1, cost + cand.cost);
      cand.cells.forEach((v, i) => (sums[i]! -= v));
    }
  };
  dfs(0, 0);
  return best;
}
