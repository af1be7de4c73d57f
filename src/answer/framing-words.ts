// Words that frame a question rather than name its subject ("what happened", "actually", "so far").
// Their absence from a sentence or from the report says nothing about whether the report answers.
import { tokenize } from "../retrieval/tokenize.js";

const FRAMING = new Set(
  tokenize(
    "happen happened happening going goes situation latest update updates status know explain describe detail details " +
      "info information anything something mention mentioned reported report say said tell give given kind type " +
      "like way ways thing things current currently recent recently overall main key general summary summarise summarize " +
      "please could would should did does done doing made make lately far well much many long number figure " +
      "total amount percentage share proportion per cent percent count counted quick quickly brief briefly exactly " +
      "roughly approximately about regarding concerning around look looked looking actually really still yet already ever " +
      "so far just even also currently right now today anyone someone everything nothing whole entire sure need want " +
      "think seem seems seemed happen big large small lot lots get got getting stand stands standing take taken took " +
      "since before after during until between within among across " +
      "altogether combined together sum overall",
  ),
);

export function isFramingTerm(term: string): boolean {
  return FRAMING.has(term);
}
