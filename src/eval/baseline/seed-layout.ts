// Where things are in the raw seed text: paragraph starts, the annex headings, Annex I objective and
// indicator ids, Annex II country rows. Used to say which refs a raw-text chunk covers.

export interface Marker {
  /** Offset in the raw text. */
  at: number;
  /** The ref this marker opens, e.g. "para. 17", "Annex I 2.3.1", "Annex II Senegal". */
  ref: string;
}

export interface SeedLayout {
  /** Every marker in text order. */
  markers: Marker[];
}

const ANNEX_HEADING = /^[ \t]*Annex (I{1,2})[ \t]*$/gm;
const PARAGRAPH_START = /^[ \t]*(\d{1,2})\.[ \t]+\S/gm;
const ANNEX_I_ID = /^[ \t]*(\d\.\d(?:\.\d)?)[ \t]+\S/gm;
const TABLE_HEADER = /^[ \t]*Country Men Women Total/m;
const ANNEX_II_ROW = /^[ \t]*([A-Z][A-Za-z’'ô\- ]*?)[ \t]+\d/gm;

function headingOffsets(text: string): { annexI: number; annexII: number } {
  let annexI = text.length;
  let annexII = text.length;
  for (const m of text.matchAll(ANNEX_HEADING)) {
    if (m[1] === "I" && annexI === text.length) annexI = m.index;
    if (m[1] === "II" && annexII === text.length) annexII = m.index;
  }
  return { annexI, annexII };
}

export function seedLayout(text: string): SeedLayout {
  const { annexI, annexII } = headingOffsets(text);
  const markers: Marker[] = [];
  // Paragraphs: numbered 1, 2, 3, ... in order before Annex I; a number out of sequence is not a start.
  let expected = 1;
  for (const m of text.slice(0, annexI).matchAll(PARAGRAPH_START)) {
    if (Number(m[1]) !== expected) continue;
    markers.push({ at: m.index + m[0].indexOf(m[1] ?? ""), ref: `para. ${expected}` });
    expected += 1;
  }
  if (annexI < text.length) {
    markers.push({ at: annexI, ref: "Annex I" });
    const body = text.slice(annexI, annexII);
    for (const m of body.matchAll(ANNEX_I_ID)) markers.push({ at: annexI + m.index, ref: `Annex I ${m[1]}` });
  }
  if (annexII < text.length) {
    markers.push({ at: annexII, ref: "Annex II" });
    const header = TABLE_HEADER.exec(text.slice(annexII));
    const tableStart = annexII + (header ? header.index : 0);
    for (const m of text.slice(tableStart).matchAll(ANNEX_II_ROW)) {
      const name = (m[1] ?? "").trim();
      if (name === "" || /^(Country|Military|Police|Individual)/.test(name)) continue;
      markers.push({ at: tableStart + m.index, ref: `Annex II ${name}` });
    }
  }
  markers.sort((a, b) => a.at - b.at);
  return { markers };
}

/**
 * The refs a span [start, end) of the raw text covers: the paragraph (or annex row) in progress at its
 * start plus every marker that begins inside it. Annex refs also imply their annex.
 */
export function refsForSpan(layout: SeedLayout, start: number, end: number): string[] {
  const refs: string[] = [];
  const add = (ref: string) => {
    if (!refs.includes(ref)) refs.push(ref);
  };
  let inProgress: Marker | undefined;
  for (const m of layout.markers) {
    if (m.at <= start) inProgress = m;
    else break;
  }
  if (inProgress) add(inProgress.ref);
  for (const m of layout.markers) if (m.at > start && m.at < end) add(m.ref);
  for (const ref of [...refs]) {
    const annex = /^Annex (II|I)\b/.exec(ref);
    if (annex) add(`Annex ${annex[1]}`);
  }
  return refs;
}
