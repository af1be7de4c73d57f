// Fits escaped mrkdwn into a character budget, cutting at a sentence (else word) boundary.
import { escapeMrkdwn } from "./text.js";

export const TRUNCATION_NOTE = "_(truncated — ask in the widget for the full answer)_";

export interface Fitted {
  /** Escaped mrkdwn of at most `limit` characters, the note included when cut. */
  text: string;
  truncated: boolean;
}

/** Escapes `plain`; if that is over `limit`, keeps whole sentences (or words) and appends the note. */
export function fitEscaped(plain: string, limit: number): Fitted {
  const whole = escapeMrkdwn(plain);
  if (whole.length <= limit) return { text: whole, truncated: false };
  const suffix = `\n\n${TRUNCATION_NOTE}`;
  const budget = limit - suffix.length;
  let body = escapeMrkdwn(takeWhileFits(plain.match(/[^.!?]+(?:[.!?]+["')\]]*|$)\s*/g) ?? [], budget).trimEnd());
  if (body === "") body = escapeMrkdwn(takeWhileFits(plain.split(/(?<=\s)/), budget - 1).trimEnd());
  if (body === "") body = whole.slice(0, budget - 1).replace(/&[a-z]*$/i, "");
  if (!/[.!?]["')\]]*$/.test(body)) body += "…";
  return { text: `${body.slice(0, budget)}${suffix}`, truncated: true };
}

/** Concatenates plain pieces while their escaped length stays within budget. */
function takeWhileFits(pieces: string[], budget: number): string {
  let kept = "";
  let size = 0;
  for (const piece of pieces) {
    const cost = escapeMrkdwn(piece).length;
    if (size + cost > budget) break;
    kept += piece;
    size += cost;
  }
  return kept;
}
