// How an Annex I indicator reads as one citable sentence: its text, status, deadline and comments.
import type { Indicator } from "./schema.js";

export function indicatorText(indicator: Indicator): string {
  const status = indicator.status.length ? indicator.status.join(" and ") : "no state of implementation given";
  return [indicator.text, status, indicator.deadline ?? "", indicator.comments].filter(Boolean).join(". ");
}
