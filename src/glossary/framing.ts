// Words that shape a question rather than name what it is about: verbs of asking and telling, verbs
// that only stand for "some event", and nouns of measure ("the number of", "the share of"). The report
// not containing them says nothing about whether it answers. English question grammar, kept small.
const FRAMING = new Set(
  (
    // asking, telling, knowing
    "say says said tell tells told mention mentions mentioned report reports reported describe describes described state states stated " +
    "note notes noted explain explains explained know known list name give given provide detail details update summary summarise summarize " +
    "indicate indicates indicated confirm confirms confirmed clarify clarifies clarified brief briefed please " +
    "according regarding concerning about " +
    // an unspecified event or state
    "happen happens happened happening occur occurs occurred take took taken place situation status stand stands standing latest current " +
    "currently overall main key exact exactly precise precisely approximately roughly actually really still yet already ever far lately recently recent now today " +
    "anything something thing things kind type sort way ways " +
    // measures
    "number numbers count total totals amount figure figures percentage percent proportion share fraction level levels rate size tally " +
    "headcount value sum many much date " +
    // light verbs that carry no content of their own
    "come comes came coming get gets got getting make makes made put puts putting " +
    // comparison, which the operation states
    "outnumber outnumbers outnumbered exceed exceeds exceeded surpass surpasses vs versus compared comparison relative " +
    // time nouns, which qualify rather than name
    "period periods"
  ).split(/\s+/),
);

export function isFramingWord(word: string): boolean {
  return FRAMING.has(word.toLowerCase());
}

/** The wh-words and auxiliaries of a question. */
const QUESTION_GRAMMAR = new Set("what which who whom whose when where why how is are was were do does did has have had can could will would should may might must be been being".split(" "));

export function isQuestionGrammar(word: string): boolean {
  return QUESTION_GRAMMAR.has(word.toLowerCase());
}
