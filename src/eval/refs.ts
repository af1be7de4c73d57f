// Parses citation and evidence refs ("para. 18 (b)", "Annex I 2.3", "Annex II Senegal") and decides
// when two refs point at the same place. A broader ref covers a narrower one in either direction:
// "para. 18" ~ "para. 18 (b)", "Annex II" ~ "Annex II Senegal", "Annex I 2.3" ~ "Annex I 2.3.1".
import type { Citation } from "../answer/contract.js";
import { fold as foldText } from "../report/fold.js";

export type RefKey =
  | { kind: "para"; paragraph: number; sub?: string }
  | { kind: "annex"; annex: "I" | "II"; row?: string }
  | { kind: "other"; text: string };

/** Lower-case, strip accents, unify apostrophes and spaces: "Côte d’Ivoire" -> "cote d'ivoire". */
export const fold = foldText;

export function parseRef(ref: string): RefKey {
  const text = fold(ref);
  const para = /^(?:para(?:graph)?s?\.?)\s*(\d+)\s*(?:\(?([a-z])\)?)?$/.exec(text);
  if (para) return { kind: "para", paragraph: Number(para[1]), ...(para[2] ? { sub: para[2] } : {}) };
  const annex = /^annex\s+(ii|i)\b[\s:,-]*(.*)$/.exec(text);
  if (annex) {
    const row = (annex[2] ?? "").trim();
    return { kind: "annex", annex: annex[1] === "ii" ? "II" : "I", ...(row ? { row } : {}) };
  }
  return { kind: "other", text };
}

/** Annex I ids are compared by dotted prefix ("2.3" covers "2.3.1"); Annex II rows by folded name. */
function rowsCompatible(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  if (a === b) return true;
  if (/^[\d.]+$/.test(a) && /^[\d.]+$/.test(b)) return a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  return false;
}

export function refsMatch(a: RefKey, b: RefKey): boolean {
  if (a.kind === "para" && b.kind === "para") {
    return a.paragraph === b.paragraph && (a.sub === undefined || b.sub === undefined || a.sub === b.sub);
  }
  if (a.kind === "annex" && b.kind === "annex") return a.annex === b.annex && rowsCompatible(a.row, b.row);
  if (a.kind === "other" && b.kind === "other") return a.text === b.text;
  return false;
}

/** The refs a returned citation stands for: a paragraph, or an annex with each cited row. */
export function citationKeys(c: Citation): RefKey[] {
  if ("paragraph" in c) return [{ kind: "para", paragraph: c.paragraph, ...(c.subItem ? { sub: fold(c.subItem).replace(/[()]/g, "") } : {}) }];
  if (c.rows.length === 0) return [{ kind: "annex", annex: c.annex }];
  return c.rows.map((row) => ({ kind: "annex" as const, annex: c.annex, row: fold(row) }));
}

export function citationMatchesRef(c: Citation, expected: RefKey): boolean {
  return citationKeys(c).some((k) => refsMatch(k, expected));
}

export function citationLabel(c: Citation): string {
  if ("paragraph" in c) return c.ref;
  return c.rows.length ? `${c.ref} [${c.rows.join(", ")}]` : c.ref;
}
