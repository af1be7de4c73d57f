// Abbreviations UN staff type for what the report spells out. One table, used by retrieval's synonym
// map and by the numeric question parser.

export interface Abbreviation {
  /** As usually written: "IDP", "SRSG", "FAMa". */
  letters: string;
  singular: string;
  /** Omitted for names that have no plural ("AU", "DDR"). */
  plural?: string;
}

export const ABBREVIATIONS: readonly Abbreviation[] = [
  { letters: "SRSG", singular: "Special Representative of the Secretary-General" },
  { letters: "SG", singular: "Secretary-General" },
  { letters: "PM", singular: "Prime Minister" },
  { letters: "PK", singular: "peacekeeper", plural: "peacekeepers" },
  { letters: "PKO", singular: "peacekeeping operation", plural: "peacekeeping operations" },
  { letters: "TCC", singular: "troop-contributing country", plural: "troop-contributing countries" },
  { letters: "PCC", singular: "police-contributing country", plural: "police-contributing countries" },
  { letters: "IDP", singular: "internally displaced person", plural: "internally displaced persons" },
  { letters: "FPU", singular: "formed police unit", plural: "formed police units" },
  { letters: "IPO", singular: "individual police officer", plural: "individual police officers" },
  { letters: "APC", singular: "armoured personnel carrier", plural: "armoured personnel carriers" },
  { letters: "HRP", singular: "Humanitarian Response Plan" },
  { letters: "CRSV", singular: "conflict-related sexual violence" },
  { letters: "SEA", singular: "sexual exploitation and abuse" },
  { letters: "casevac", singular: "casualty evacuation" },
  { letters: "medevac", singular: "medical evacuation" },
  { letters: "DDR", singular: "disarmament, demobilization and reintegration" },
  { letters: "SSR", singular: "security sector reform" },
  { letters: "TJRC", singular: "Truth, Justice and Reconciliation Commission" },
  { letters: "CVJR", singular: "Truth, Justice and Reconciliation Commission" },
  { letters: "IED", singular: "improvised explosive device", plural: "improvised explosive devices" },
  { letters: "VBIED", singular: "vehicle-borne improvised explosive device", plural: "vehicle-borne improvised explosive devices" },
  { letters: "UXO", singular: "unexploded ordnance", plural: "unexploded ordnances" },
  { letters: "EOD", singular: "explosive ordnance disposal" },
  { letters: "ISR", singular: "intelligence, surveillance and reconnaissance" },
  { letters: "QIP", singular: "quick-impact project", plural: "quick-impact projects" },
  { letters: "QRF", singular: "quick reaction force" },
  { letters: "MOU", singular: "memorandum of understanding" },
  { letters: "AU", singular: "African Union" },
  { letters: "EU", singular: "European Union" },
  { letters: "EUTM", singular: "European Union Training Mission" },
  { letters: "ECOWAS", singular: "Economic Community of West African States" },
  { letters: "AQIM", singular: "Al-Qaida in the Islamic Maghreb" },
  { letters: "JNIM", singular: "Group for the Support of Islam and Muslims" },
  { letters: "GSIM", singular: "Group for the Support of Islam and Muslims" },
  { letters: "ISIL", singular: "Islamic State in Iraq and the Levant" },
  { letters: "ISIS", singular: "Islamic State in Iraq and the Levant" },
  { letters: "UNDP", singular: "United Nations Development Programme" },
  { letters: "UNHCR", singular: "United Nations High Commissioner for Refugees" },
  { letters: "OCHA", singular: "Office for the Coordination of Humanitarian Affairs" },
  { letters: "UNESCO", singular: "United Nations Educational, Scientific and Cultural Organization" },
  { letters: "FAMa", singular: "Malian armed forces" },
  { letters: "MDSF", singular: "Malian defence and security forces" },
  { letters: "OCM", singular: "Operational Coordination Mechanism" },
  { letters: "MOC", singular: "Operational Coordination Mechanism" },
];

/**
 * Whole-word matcher for an abbreviation in any case ("PKs", "PK's", "pks"), singular or plural, except
 * where the lower-case form is an everyday word ("sea", "pm", "au"): then only as written.
 */
export function abbreviationPattern(a: Abbreviation, global = false): RegExp {
  const anyCase = a.letters.length >= 3 && !EVERYDAY_WORDS.has(a.letters.toLowerCase());
  const flags = `${global ? "g" : ""}u${anyCase ? "i" : ""}`;
  return new RegExp(String.raw`(?<![\p{L}\p{N}])${a.letters}(s|['’]s)?(?![\p{L}\p{N}])`, flags);
}
const EVERYDAY_WORDS = new Set(["sea", "isis", "moc"]);

/** The text with known abbreviations spelled out ("how many PKs" -> "how many peacekeepers"). */
export function expandAbbreviations(text: string): string {
  let out = text;
  for (const a of ABBREVIATIONS) {
    out = out.replace(abbreviationPattern(a, true), (_m, suffix: string | undefined) =>
      suffix && suffix.toLowerCase() === "s" && a.plural ? a.plural : a.singular,
    );
  }
  return out;
}
