// Splits an answer into the pieces it streams in (sentence or phrase sized), so a composer that
// produces the whole text at once still streams it as deltas.
/**
 * Splits text into sentence/phrase-sized pieces whose concatenation is exactly the input.
 * Never breaks inside parentheses, so "(para. 18 (b))" arrives whole unless it is huge.
 */
export function splitForStreaming(text: string, maxChars = 120): string[] {
  const pieces: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    const next = text[i + 1];
    if (next === undefined || !/\s/.test(next)) continue;
    const length = i + 1 - start;
    const sentenceEnd = depth === 0 && /[.;:!?]/.test(ch) && !/\b(?:paras?|No|Mr|Ms|Dr)\.$/.test(text.slice(start, i + 1));
    const phraseEnd = depth === 0 && ch === "," && length > 60;
    if (sentenceEnd || phraseEnd || length >= maxChars) {
      let end = i + 1;
      while (end < text.length && /\s/.test(text[end]!)) end++;
      pieces.push(text.slice(start, end));
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces.length > 0 ? pieces : [""];
}
