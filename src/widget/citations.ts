// Finds citation markers such as "(para. 17)", "(para. 18 (b))", "(Annex II)" in answer text.

export type CiteRef =
  | { kind: "para"; paragraph: number; subItem?: string; label: string }
  | { kind: "annex"; annex: "I" | "II"; label: string };

export type Segment = { kind: "text"; text: string } | { kind: "cites"; refs: CiteRef[] };

// A parenthetical that may itself hold one "(b)"-style group.
const PARENTHETICAL = /\(([^()]*(?:\([a-z]\)[^()]*)*)\)/g;

export function segmentAnswer(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(PARENTHETICAL)) {
    const refs = parseRefs(match[1]!);
    if (!refs) continue;
    if (match.index > last) segments.push({ kind: "text", text: text.slice(last, match.index) });
    segments.push({ kind: "cites", refs });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: "text", text: text.slice(last) });
  return segments;
}

/** Refs in "para. 17; para. 18 (b)", "paras. 17 and 18", "Annex I, 2.3.3"; null if anything else is inside. */
export function parseRefs(inner: string): CiteRef[] | null {
  const parts = inner.split(/\s*[;,]\s*|\s+and\s+/).filter((p) => p !== "");
  const refs: CiteRef[] = [];
  let previous: CiteRef | undefined;
  for (const part of parts) {
    const para =
      /^(?:paras?\.?|paragraphs?)\s*(\d+)(?:\s*\(([a-z])\))?$/i.exec(part) ??
      // "paras. 17 and 18": a bare number continues a paragraph list
      (previous?.kind === "para" ? /^(\d+)(?:\s*\(([a-z])\))?$/.exec(part) : null);
    const annex = /^Annex\s+(II|I)$/.exec(part);
    if (para) {
      const paragraph = Number(para[1]);
      const subItem = para[2] || undefined;
      previous = { kind: "para", paragraph, subItem, label: `para. ${paragraph}${subItem ? ` (${subItem})` : ""}` };
      refs.push(previous);
    } else if (annex) {
      previous = { kind: "annex", annex: annex[1] as "I" | "II", label: `Annex ${annex[1]}` };
      refs.push(previous);
    } else if (previous?.kind === "annex" && /^\d+(?:\.\d+){0,2}$|^\p{Lu}[\p{L}' -]*$/u.test(part)) {
      continue; // an indicator id or country after "Annex …" belongs to that annex chip
    } else {
      return null;
    }
  }
  return refs.length > 0 ? refs : null;
}
