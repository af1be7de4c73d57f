// Annex I (benchmarks table) -> AnnexI.
// The PDF export flattens the five columns (Objectives | Progress indicators | State of
// implementation | Deadline | Comments) into interleaved lines: an objective's cell, then each
// indicator's cell, then a line starting with the status, followed by the deadline and comment
// fragments (cells on one line are separated by 2+ spaces).
import {
  AnnexISchema,
  type AnnexI,
  type Area,
  type ImplementationStatus,
  type Indicator,
  type Objective,
} from "../../src/report/schema.js";
import { ReportParseError } from "./errors.js";
import { contentLines, headerRunLength, joinFragments, splitCells } from "./annex-lines.js";

const TABLE_HEADER = "Objectives Progress indicators State of implementation Deadline Comments";
const ANNEX_HEADING = /^Annex\s+[IVX]+$/;
const ORIGINAL_LANGUAGE = /^\[Original:.*\]$/;
const AREA = /^(\d+)\.\s+(\p{Lu}.*)$/u;
const OBJECTIVE = /^(\d+)\.(\d+)\s+(\S.*)$/;
const INDICATOR = /^(\d+)\.(\d+)\.(\d+)\s+(\S.*)$/;
const STATUSES: readonly ImplementationStatus[] = ["Implemented", "Ongoing", "Not implemented"];
const MONTH = "January|February|March|April|May|June|July|August|September|October|November|December";
/** A deadline cell: a year, optionally qualified ("First half of 2017", "March 2017", "2016-2017"). */
const DEADLINE = new RegExp(
  `^(?:(?:(?:First|Second|Third|Fourth|Last) (?:half|quarter) of|(?:End|Beginning|Middle) of|Mid-|(?:${MONTH}))\\s*)?` +
    `\\d{4}(?:\\s*[-–]\\s*\\d{4})?$`,
);

type Mode = "title" | "goal" | "objective" | "indicator" | "rest";

interface IndicatorDraft {
  id: string;
  objective: string;
  area: string;
  text: string[];
  status: ImplementationStatus[];
  rest: string[];
}

function asStatus(cell: string): ImplementationStatus | undefined {
  const norm = cell.trim().replace(/\s+/g, " ");
  return STATUSES.find((s) => s === norm);
}

/** Removes the repeated column headings and merges "Not" + "implemented" split across lines. */
function tableLines(annexText: string): string[] {
  const raw = contentLines(annexText);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const skip = headerRunLength(raw, i, TABLE_HEADER);
    if (skip > 0) {
      i += skip - 1;
      continue;
    }
    const line = raw[i]!;
    const next = raw[i + 1];
    const cells = splitCells(line);
    if (cells.at(-1) === "Not" && next !== undefined && /^implemented\b/.test(next.trim())) {
      out.push(`${line}${next.trim().replace(/^implemented/, " implemented")}`);
      i++;
      continue;
    }
    out.push(line);
  }
  return out;
}

/** Splits an indicator's status/deadline/comment fragments into its three fields. */
function finishIndicator(d: IndicatorDraft): Indicator {
  const cells = d.rest;
  let deadline: string | null = null;
  let used = 0;
  for (let k = 1; k <= Math.min(2, cells.length); k++) {
    const candidate = joinFragments(cells.slice(0, k));
    if (DEADLINE.test(candidate)) {
      deadline = candidate;
      used = k;
      break;
    }
  }
  return {
    id: d.id,
    objective: d.objective,
    area: d.area,
    text: joinFragments(d.text),
    status: d.status,
    deadline,
    comments: joinFragments(cells.slice(used)),
  };
}

export function parseAnnexI(annexText: string): AnnexI {
  const titleParts: string[] = [];
  const areas: { id: string; title: string; goal: string[] }[] = [];
  const objectives: { id: string; area: string; text: string[] }[] = [];
  const drafts: IndicatorDraft[] = [];
  let mode: Mode = "title";

  const nextArea = () => String(areas.length + 1);
  const nextObjective = () => {
    const area = areas.at(-1);
    if (!area) return undefined;
    return `${area.id}.${objectives.filter((o) => o.area === area.id).length + 1}`;
  };
  const nextIndicator = () => {
    const obj = objectives.at(-1);
    if (!obj) return undefined;
    return `${obj.id}.${drafts.filter((d) => d.objective === obj.id).length + 1}`;
  };

  /** Routes the cells of a line inside an indicator: text until a status, then status/rest. */
  const indicatorCells = (d: IndicatorDraft, cells: string[]) => {
    for (const cell of cells) {
      const status = asStatus(cell);
      if (status) {
        if (!d.status.includes(status)) d.status.push(status);
        mode = "rest";
      } else if (mode === "rest") d.rest.push(cell);
      else d.text.push(cell);
    }
  };

  for (const line of tableLines(annexText)) {
    const t = line.trim();
    if (mode === "title" && (ANNEX_HEADING.test(t) || ORIGINAL_LANGUAGE.test(t))) continue;
    const area = AREA.exec(t);
    if (area && area[1] === nextArea()) {
      areas.push({ id: area[1], title: area[2]!.trim(), goal: [] });
      mode = "goal";
      continue;
    }
    const obj = OBJECTIVE.exec(t);
    if (obj && `${obj[1]}.${obj[2]}` === nextObjective()) {
      objectives.push({ id: `${obj[1]}.${obj[2]}`, area: obj[1]!, text: [obj[3]!] });
      mode = "objective";
      continue;
    }
    const ind = INDICATOR.exec(t);
    if (ind && `${ind[1]}.${ind[2]}.${ind[3]}` === nextIndicator()) {
      const d: IndicatorDraft = {
        id: `${ind[1]}.${ind[2]}.${ind[3]}`,
        objective: `${ind[1]}.${ind[2]}`,
        area: ind[1]!,
        text: [],
        status: [],
        rest: [],
      };
      drafts.push(d);
      mode = "indicator";
      indicatorCells(d, splitCells(ind[4]!));
      continue;
    }
    if (mode === "title") titleParts.push(t);
    else if (mode === "goal") areas.at(-1)!.goal.push(t);
    else if (mode === "objective") objectives.at(-1)!.text.push(t);
    else indicatorCells(drafts.at(-1)!, splitCells(t));
  }

  if (drafts.length === 0) {
    throw new ReportParseError("ANNEX_MISSING", "Annex I: no progress indicators found in the benchmarks table.");
  }
  const annex: AnnexI = {
    title: joinFragments(titleParts),
    areas: areas.map((a): Area => ({ id: a.id, title: a.title, goal: joinFragments(a.goal) })),
    objectives: objectives.map((o): Objective => ({ id: o.id, area: o.area, text: joinFragments(o.text) })),
    indicators: drafts.map(finishIndicator),
  };
  return AnnexISchema.parse(annex);
}
