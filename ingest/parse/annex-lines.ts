// Line helpers shared by the annex parsers: page furniture, cell splitting and text joining.

/** Page furniture printed by the PDF export: the symbol, the job number, "21/27 17-08909". */
const FURNITURE = [
  /^S\/\d{4}\/\d+$/,
  /^\d{2}-\d{5}$/,
  /^\d{1,3}\/\d{1,3}\s+\d{2}-\d{5}$/,
  /^\d{2}-\d{5}\s+\d{1,3}\/\d{1,3}$/,
];

export function isFurniture(line: string): boolean {
  const t = line.trim();
  return FURNITURE.some((re) => re.test(t));
}

/** Non-blank, non-furniture lines with trailing whitespace removed (leading kept for layout). */
export function contentLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ""))
    .filter((l) => l.trim() !== "" && !isFurniture(l));
}

/** The PDF export separates table cells on one line by two or more spaces. */
export function splitCells(line: string): string[] {
  return line
    .trim()
    .split(/\s{2,}/)
    .filter((c) => c !== "");
}

/**
 * Joins wrapped line fragments into running text: single spaces, a line-end hyphen inside a
 * word kept and closed up ("cross-" + "cutting"), and "–" bullets spaced ("– Identification").
 */
export function joinFragments(fragments: readonly string[]): string {
  let out = "";
  for (const raw of fragments) {
    let frag = raw.trim().replace(/\s+/g, " ");
    if (frag === "") continue;
    if (frag.startsWith("–")) frag = `– ${frag.slice(1).trimStart()}`;
    if (out === "") out = frag;
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(frag)) out += frag;
    else out += ` ${frag}`;
  }
  return out.trim();
}

/**
 * If `lines[i]` starts a run of lines whose text, joined, is a prefix of `header` (and the run
 * covers at least its first word), returns how many lines the run covers; otherwise 0.
 * Used to drop column headings repeated on every page, however the export wrapped them.
 */
export function headerRunLength(lines: readonly string[], i: number, header: string): number {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ");
  const target = norm(header);
  let acc = "";
  let n = 0;
  while (i + n < lines.length) {
    const next = acc === "" ? norm(lines[i + n]!) : `${acc} ${norm(lines[i + n]!)}`;
    if (!target.startsWith(next)) break;
    const boundary = next.length === target.length || target[next.length] === " ";
    if (!boundary) break;
    acc = next;
    n++;
  }
  const firstWord = target.split(" ")[0]!;
  return acc.startsWith(firstWord) && acc.length > firstWord.length ? n : 0;
}
