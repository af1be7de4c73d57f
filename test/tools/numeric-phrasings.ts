// Questions as staff would ask them, with the expected number computed from the parsed report
// (never hard-coded) and the expected citation. Shared by the parser test and the HTTP /v1/ask test.
import type { AnnexIIRow, ImplementationStatus, Sex, StructuredReport } from "../../src/report/schema.js";

type Component = "military" | "individualPolice" | "formedPoliceUnits" | "totalPolice" | "uniformed";

export interface NumericPhrasing {
  question: string;
  /** The number the answer must state; null for refusals. */
  expected: ((report: StructuredReport) => number) | null;
  /** "Annex I" / "Annex II"; null when the answer must be a refusal with no citation. */
  ref: "Annex I" | "Annex II" | null;
  /** Rows the citation must include (Annex II countries or Annex I ids), when known. */
  rows?: (report: StructuredReport) => string[];
}

const row = (r: StructuredReport, country: string): AnnexIIRow => {
  const found = r.annexII.rows.find((x) => x.country.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/’/g, "'") === country);
  if (!found) throw new Error(`test fixture: no row ${country}`);
  return found;
};
const v = (x: AnnexIIRow | StructuredReport["annexII"]["totals"], c: Component, s: Sex = "total") =>
  c === "uniformed" ? x.military[s] + x.totalPolice[s] : x[c][s];
const cell = (country: string, c: Component, s: Sex = "total") => (r: StructuredReport) => v(row(r, country), c, s);
const total = (c: Component, s: Sex = "total") => (r: StructuredReport) => v(r.annexII.totals, c, s);
const pct = (a: number, b: number) => Math.round((a / b) * 1000) / 10;
const values = (r: StructuredReport, c: Component, s: Sex = "total") => r.annexII.rows.map((x) => v(x, c, s));
const max = (c: Component, s: Sex = "total") => (r: StructuredReport) => Math.max(...values(r, c, s));
const minPositive = (c: Component, s: Sex = "total") => (r: StructuredReport) => Math.min(...values(r, c, s).filter((x) => x > 0));
const countWhere = (pred: (x: AnnexIIRow) => boolean) => (r: StructuredReport) => r.annexII.rows.filter(pred).length;
const statusCount = (status: ImplementationStatus | "none", area?: string) => (r: StructuredReport) =>
  r.annexI.indicators.filter((i) => (area === undefined || i.area === area) && (status === "none" ? i.status.length === 0 : i.status.includes(status))).length;
const whoMax = (c: Component, s: Sex = "total") => (r: StructuredReport) => {
  const m = max(c, s)(r);
  return r.annexII.rows.filter((x) => v(x, c, s) === m).map((x) => x.country);
};

export const NUMERIC_PHRASINGS: NumericPhrasing[] = [
  // Cells
  { question: "How many Senegalese troops are deployed?", expected: cell("Senegal", "military"), ref: "Annex II", rows: () => ["Senegal"] },
  { question: "how many troops does chad contribute", expected: cell("Chad", "military"), ref: "Annex II" },
  { question: "How many soldiers has Togo sent to MINUSMA?", expected: cell("Togo", "military"), ref: "Annex II" },
  { question: "How many FPUs does Bangladesh have?", expected: cell("Bangladesh", "formedPoliceUnits"), ref: "Annex II" },
  { question: "How many individual police officers come from Côte d'Ivoire?", expected: cell("Cote d'Ivoire", "individualPolice"), ref: "Annex II" },
  { question: "How many troops does the Ivory Coast send?", expected: cell("Cote d'Ivoire", "military"), ref: "Annex II" },
  { question: "How many Ivorian police officers are there?", expected: cell("Cote d'Ivoire", "totalPolice"), ref: "Annex II" },
  { question: "How many British soldiers are in the mission?", expected: cell("United Kingdom of Great Britain and Northern Ireland", "military"), ref: "Annex II" },
  { question: "How many US troops are there?", expected: cell("United States of America", "military"), ref: "Annex II" },
  { question: "How many American women serve in the military component?", expected: cell("United States of America", "military", "women"), ref: "Annex II" },
  { question: "How many Dutch troops are deployed?", expected: cell("Netherlands", "military"), ref: "Annex II" },
  { question: "How many personnel does the Czech Republic contribute?", expected: cell("Czechia", "uniformed"), ref: "Annex II" },
  { question: "How many German peacekeepers are there?", expected: cell("Germany", "uniformed"), ref: "Annex II" },
  { question: "How many female Chinese soldiers are deployed?", expected: cell("China", "military", "women"), ref: "Annex II" },
  { question: "How many police does Niger have?", expected: cell("Niger", "totalPolice"), ref: "Annex II" },
  { question: "How many male IPOs does Tunisia provide?", expected: cell("Tunisia", "individualPolice", "men"), ref: "Annex II" },
  { question: "Number of Burkinabe formed police unit personnel?", expected: cell("Burkina Faso", "formedPoliceUnits"), ref: "Annex II" },
  { question: "How many policewomen does Togo deploy?", expected: cell("Togo", "totalPolice", "women"), ref: "Annex II" },
  // Mission totals
  { question: "How many troops are deployed in Mali?", expected: total("military"), ref: "Annex II" },
  { question: "What is the total number of police?", expected: total("totalPolice"), ref: "Annex II" },
  { question: "How many uniformed personnel does the Mission have in total?", expected: total("uniformed"), ref: "Annex II" },
  { question: "How many female peacekeepers are there?", expected: total("uniformed", "women"), ref: "Annex II" },
  // Sums
  { question: "How many uniformed personnel do Togo and Burkina Faso contribute together?", expected: (r) => cell("Togo", "uniformed")(r) + cell("Burkina Faso", "uniformed")(r), ref: "Annex II", rows: () => ["Togo", "Burkina Faso"] },
  { question: "Combined, how many troops do Chad, Niger and Guinea send?", expected: (r) => cell("Chad", "military")(r) + cell("Niger", "military")(r) + cell("Guinea", "military")(r), ref: "Annex II" },
  // Rankings
  { question: "Which country sends the most female police?", expected: max("totalPolice", "women"), ref: "Annex II", rows: whoMax("totalPolice", "women") },
  { question: "Which country is the largest troop contributor?", expected: max("military"), ref: "Annex II", rows: whoMax("military") },
  { question: "top 5 troop contributors", expected: max("military"), ref: "Annex II" },
  { question: "Who contributes the most formed police units?", expected: max("formedPoliceUnits"), ref: "Annex II", rows: whoMax("formedPoliceUnits") },
  { question: "Which country contributes the fewest troops?", expected: minPositive("military"), ref: "Annex II" },
  { question: "Which country has the biggest contingent of women soldiers?", expected: max("military", "women"), ref: "Annex II", rows: whoMax("military", "women") },
  { question: "Which contributes more troops, Chad or Niger?", expected: (r) => Math.max(cell("Chad", "military")(r), cell("Niger", "military")(r)), ref: "Annex II" },
  // Counts
  { question: "How many countries contribute formed police units?", expected: countWhere((x) => x.formedPoliceUnits.total > 0), ref: "Annex II" },
  { question: "How many countries have both military and police in MINUSMA?", expected: countWhere((x) => x.military.total > 0 && x.totalPolice.total > 0), ref: "Annex II" },
  { question: "How many countries contribute police but no troops?", expected: countWhere((x) => x.totalPolice.total > 0 && x.military.total === 0), ref: "Annex II" },
  { question: "How many countries have more than 500 troops?", expected: countWhere((x) => x.military.total > 500), ref: "Annex II" },
  { question: "How many countries have women in their formed police units?", expected: countWhere((x) => x.formedPoliceUnits.women > 0), ref: "Annex II" },
  { question: "How many troop-contributing countries are there?", expected: countWhere((x) => x.military.total > 0), ref: "Annex II" },
  // Shares
  { question: "What share of the military component are women?", expected: (r) => pct(total("military", "women")(r), total("military")(r)), ref: "Annex II" },
  { question: "What percentage of MINUSMA's troops come from Chad?", expected: (r) => pct(cell("Chad", "military")(r), total("military")(r)), ref: "Annex II" },
  { question: "What proportion of police are in formed police units?", expected: (r) => pct(total("formedPoliceUnits")(r), total("totalPolice")(r)), ref: "Annex II" },
  { question: "What share of Senegal's police are women?", expected: (r) => pct(cell("Senegal", "totalPolice", "women")(r), cell("Senegal", "totalPolice")(r)), ref: "Annex II" },
  // Differences and ratios
  { question: "how many more soldiers does Chad have than Niger", expected: (r) => cell("Chad", "military")(r) - cell("Niger", "military")(r), ref: "Annex II", rows: () => ["Chad", "Niger"] },
  { question: "How many more men than women are in the military component?", expected: (r) => total("military", "men")(r) - total("military", "women")(r), ref: "Annex II" },
  { question: "What is the difference between Senegal's troops and its police?", expected: (r) => cell("Senegal", "military")(r) - cell("Senegal", "totalPolice")(r), ref: "Annex II" },
  { question: "What is the ratio of troops from Chad to Niger?", expected: (r) => Math.round((cell("Chad", "military")(r) / cell("Niger", "military")(r)) * 100) / 100, ref: "Annex II" },
  // Annex I
  { question: "How many benchmarks are implemented?", expected: statusCount("Implemented"), ref: "Annex I" },
  { question: "How many indicators are ongoing?", expected: statusCount("Ongoing"), ref: "Annex I" },
  { question: "How many benchmarks have not been implemented?", expected: statusCount("Not implemented"), ref: "Annex I" },
  { question: "Which indicators are ongoing in area 4?", expected: statusCount("Ongoing", "4"), ref: "Annex I" },
  { question: "How many indicators in the defence and security area are implemented?", expected: statusCount("Implemented", "2"), ref: "Annex I" },
  { question: "How many indicators have no status?", expected: statusCount("none"), ref: "Annex I" },
  { question: "What's the status of indicator 2.3.3?", expected: () => 1, ref: "Annex I", rows: () => ["2.3.3"] },
  { question: "Is indicator 4.2.1 implemented?", expected: () => 1, ref: "Annex I", rows: () => ["4.2.1"] },
  // Refusals: not in Annex II
  { question: "How many Canadian troops are there?", expected: null, ref: null },
  { question: "How many police officers does Japan contribute?", expected: null, ref: null },
  { question: "How many Malian troops are in MINUSMA?", expected: null, ref: null },
  { question: "How many more troops does India send than Chad?", expected: null, ref: null },
];
