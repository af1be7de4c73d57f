// Abbreviations staff use for what the report spells out ("PKs" → "peacekeepers", "IDPs" → "internally
// displaced persons", "TCCs" → "troop-contributing countries"). Expanded before a question is parsed, so
// every later rule sees the report's own words. Whole words only, any case; singular and plural kept.

interface Abbreviation {
  re: RegExp;
  singular: string;
  plural: string;
}

const abbreviation = (letters: string, singular: string, plural: string): Abbreviation => ({
  // "PKs", "PK's", "pks", "PK" — but not inside a longer word.
  re: new RegExp(String.raw`(?<![\p{L}\p{N}])${letters}(s|['’]s)?(?![\p{L}\p{N}])`, "giu"),
  singular,
  plural,
});

const ABBREVIATIONS: readonly Abbreviation[] = [
  abbreviation("pk", "peacekeeper", "peacekeepers"),
  abbreviation("pko", "peacekeeping operation", "peacekeeping operations"),
  abbreviation("tcc", "troop-contributing country", "troop-contributing countries"),
  abbreviation("pcc", "police-contributing country", "police-contributing countries"),
  abbreviation("idp", "internally displaced person", "internally displaced persons"),
  abbreviation("fpu", "formed police unit", "formed police units"),
  abbreviation("ipo", "individual police officer", "individual police officers"),
  abbreviation("apc", "armoured personnel carrier", "armoured personnel carriers"),
  abbreviation("hrp", "humanitarian response plan", "humanitarian response plans"),
  abbreviation("srsg", "Special Representative of the Secretary-General", "Special Representatives of the Secretary-General"),
];

/** Nicknames for peacekeepers. */
const PEACEKEEPER_NICKNAMES = /\bblue[- ]helmets\b/gi;

/** The question with known abbreviations spelled out ("how many PKs" → "how many peacekeepers"). */
export function expandAbbreviations(question: string): string {
  let out = question.replace(PEACEKEEPER_NICKNAMES, "peacekeepers");
  for (const a of ABBREVIATIONS) {
    out = out.replace(a.re, (_m, suffix: string | undefined) => (suffix && suffix.toLowerCase() === "s" ? a.plural : a.singular));
  }
  return out;
}
