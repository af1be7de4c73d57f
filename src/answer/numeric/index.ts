// The embedded (no-LLM) numeric answerers: table questions and paragraph arithmetic.
export type { ComposedAnswer } from "./types.js";
export { answerNumericQuestion, toolTrace } from "./answer-numeric-question.js";
export { answerParagraphArithmetic, arithmeticKind } from "./paragraph-arithmetic.js";
export { findCountryMentions, type CountryMention } from "./country-mentions.js";
