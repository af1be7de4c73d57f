// One question that asks two things ("How many female military personnel are there, and which country
// sends the most of them?") is answered part by part. It splits at a second question: a new wh-word or
// auxiliary after "and", a semicolon, a dash before "and" ("… combined — and the same for …"), or a second question mark.
const SECOND_QUESTION =
  /(?:,\s*|\s+)(?:and|but|also|plus)\s+(?:also\s+)?(?=(?:how (?:many|much)|what|which|who|whom|whose|when|where|why|is|are|was|were|did|does|do|has|have|had|can)\b)|;\s*(?=\S)|\?\s+(?=\S)|\s+[—–]\s+(?:and|but|plus)\s+(?=\S)/gi;

/** "What about the French?", "And the police?": a follow-up's opener with no question of its own. */
const OPENER_ONLY = /^(?:(?:and|but|so|ok(?:ay)?)[,\s]+)?(?:what|how) about\b[^?]{0,60}\??$/i;

/** "By how much did X rise, in absolute and in percentage terms?": one change asked in two forms. */
const TWO_FORMS = /^(.*?),?\s+in\s+([\p{L} ]+?)\s+and\s+(?:in\s+)?((?:percentage|per ?cent|relative|%)(\s+terms)?)\s*\??\s*$/iu;

export function splitParts(question: string): string[] {
  const forms = TWO_FORMS.exec(question);
  if (forms) {
    const [, asked, first, second, terms] = forms as unknown as [string, string, string, string, string | undefined];
    return [`${asked}, in ${first}${terms && !/\bterms$/i.test(first) ? terms : ""}?`, `${asked}, in ${second}?`];
  }
  const parts: string[] = [];
  let from = 0;
  for (const m of question.matchAll(SECOND_QUESTION)) {
    const piece = question.slice(from, m.index).trim();
    // "How many were killed and injured" is one question: the second part needs its own verb or subject.
    if (piece.split(/\s+/).length >= 3) {
      parts.push(piece);
      from = m.index + m[0].length;
    }
  }
  const last = question.slice(from).trim();
  if (last) parts.push(last);
  // "What about the French? How many of their soldiers were killed?": the opener names whom the question is about; it asks nothing itself.
  while (parts.length > 1 && OPENER_ONLY.test(parts[0]!)) parts.splice(0, 2, `${parts[0]} ${parts[1]}`);
  if (!(parts.length > 1 && parts.every((p) => p.split(/\s+/).length >= 2))) return [question];
  return withSharedClause(parts);
}

/** "How many operations" with no verb of its own, before "how many patrols did MINUSMA conduct …?". */
const BARE_QUANTITY = /^how (?:many|much)\s+[\p{L}\s-]+$/iu;
const AUXILIARY_ON = /\b(?:did|do|does|was|were|is|are|has|have|had|will|would|can|could)\b.*$/i;

/** "How many A and how many B did X do?": the first part shares the clause the last one ends with. */
function withSharedClause(parts: string[]): string[] {
  const clause = AUXILIARY_ON.exec(parts.at(-1)!)?.[0];
  if (!clause) return parts;
  return parts.map((p, i) => (i < parts.length - 1 && BARE_QUANTITY.test(p) && !AUXILIARY_ON.test(p) ? `${p} ${clause}` : p));
}
