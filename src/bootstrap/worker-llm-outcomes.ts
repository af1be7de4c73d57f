// What became of each LLM answer in the Worker, counted the Workers way. The Node service counts it in
// /metrics (prom-client), which does not load in workerd, and a per-isolate counter would be one of many
// anyway; so each turn the LLM stage ran on writes one JSON log line, which Workers Logs indexes by
// field: fallbacks can be counted by reason across every isolate.
import type { Composer } from "../answer/pipeline.js";

export const LLM_OUTCOME_EVENT = "sitrep_llm_answer";

export function logLlmOutcomes(composer: Composer, write: (line: string) => void = (line) => console.log(line)): Composer {
  return {
    async compose(input) {
      const result = await composer.compose(input);
      if (result.llm) {
        const { llm } = result;
        write(JSON.stringify({ event: LLM_OUTCOME_EVENT, outcome: llm.verified ? "verified" : "fallback", ...(llm.verified ? {} : { reason: llm.reason }) }));
      }
      return result;
    },
  };
}
