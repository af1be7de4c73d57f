// The glossary and lexicon written at ingest (index files glossary.json and lexicon.json): one table
// that retrieval, the question frame and the numeric tool all read.
import { z } from "zod";

export const GLOSSARY_KINDS = ["abbreviation", "organisation", "role", "place", "country", "component", "term"] as const;
export type GlossaryKind = (typeof GLOSSARY_KINDS)[number];

export const GlossaryEntrySchema = z.object({
  /** The canonical form, as the report writes it when it does ("Coordination des mouvements de l’Azawad"). */
  phrase: z.string().min(1),
  /** Other ways to say it: abbreviations, translations, nicknames ("CMA"). Matched as whole words. */
  aliases: z.array(z.string().min(1)),
  /** Phrases the report uses for the same thing, searched for when the entry is mentioned. */
  expansions: z.array(z.string().min(1)),
  kind: z.enum(GLOSSARY_KINDS),
  /** Where the entry comes from: the report's own definitions, the UN terminology file, world-countries, overrides. */
  source: z.enum(["report", "un-terminology", "world-countries", "overrides"]),
  /** Countries: the Annex II row, when the country contributes. */
  annexIIRow: z.string().optional(),
  /** Countries: their people ("Senegalese", "Germans"): a question naming them asks about the country's personnel. */
  demonyms: z.array(z.string()).optional(),
  /** The report's host country (its subject): its own forces are not contributors. */
  host: z.boolean().optional(),
  /** Components: the Annex II column group it names ("troops" -> military). */
  component: z.enum(["military", "individualPolice", "formedPoliceUnits", "totalPolice", "uniformed"]).optional(),
  /** Sex-disaggregated terms: which column of the strength table ("female" -> women). */
  sex: z.enum(["men", "women"]).optional(),
  /** The phrase of a wider entry this one is a part of ("Malian armed forces" are part of the "Malian defence and security forces"): a figure the report gives for the whole covers a question about the part, weakly. */
  partOf: z.string().optional(),
  /** An authoritative definition (general terminology); its content words let a paraphrase find the entry. */
  definition: z.string().optional(),
  note: z.string().optional(),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;

export const GlossarySchema = z.object({
  formatVersion: z.literal(1),
  entries: z.array(GlossaryEntrySchema),
});
export type Glossary = z.infer<typeof GlossarySchema>;

export const LexiconSchema = z.object({
  formatVersion: z.literal(1),
  source: z.string(),
  /** A lemma (folded; spaces in multiword lemmas) -> report terms it can stand for, from WordNet synonymy, derivation and causation. */
  related: z.record(z.string(), z.array(z.string())),
  /** A more general verb -> report terms for ways of doing it ("hurt" -> "injur"): a weaker link than `related`. */
  broader: z.record(z.string(), z.array(z.string())),
  /** A more specific word -> report terms for what it is a kind of ("drop" -> "decreas", "bombing" -> "attack"): the weakest link. */
  kinds: z.record(z.string(), z.array(z.string())).default({}),
  /** A word -> report terms for its WordNet antonym ("man" -> "women", "unusable" -> "usabl"). */
  opposites: z.record(z.string(), z.array(z.string())).default({}),
  /** A lemma opening a short definition of a report word's sense -> that word's terms ("owe" -> "outstand"). */
  definedBy: z.record(z.string(), z.array(z.string())),
  /** Definitions of the senses the report's words are used in: a multiword paraphrase matches when its content words are in one. */
  glosses: z.array(z.object({ terms: z.array(z.string()).min(1), gloss: z.array(z.string()).min(1) })),
});
export type Lexicon = z.infer<typeof LexiconSchema>;
