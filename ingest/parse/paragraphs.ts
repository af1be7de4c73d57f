// Report body -> numbered paragraphs with their chapter, sub-section and lettered sub-items.
import type { Paragraph, SubItem } from "../../src/report/schema.js";
import { ReportParseError } from "./errors.js";
import { cleanLines } from "./furniture.js";
import { buildVocabulary, joinLines, repairLines, type Repair, type Vocabulary } from "./repair.js";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];
const CHAPTER = /^([IVXL]+)\.\s+\S/;
const SECTION = /^([A-Z])\.\s+\S/;
const PARAGRAPH = /^(\d{1,3})\.\s+(\S.*)$/;
const SUB_ITEM = /^\(([a-z])\)\s+\S/;
const SUB_ITEM_LABEL = /^\([a-z]\)\s+/;
const ENDS_SENTENCE = /[.!?:;]["”’)]?\d*$/; // optional trailing footnote number
const MAX_UNLETTERED_HEADING = 60;

export interface ParsedBody {
  paragraphs: Paragraph[];
  repairs: Repair[];
}

interface Draft {
  number: number;
  chapter: string;
  section: string | null;
  lines: string[];
}

type Heading = { kind: "chapter" | "section"; lines: string[] };

const nextLetter = (letter: string): string => String.fromCharCode(letter.charCodeAt(0) + 1);

/**
 * A line is a paragraph start only if it carries the next expected number and the previous paragraph
 * (if any) has finished its sentence; otherwise it is a number in running text ("… on" + "4. May …").
 */
function paragraphStart(line: string, expected: number, prev: string | undefined): string | null {
  const m = PARAGRAPH.exec(line);
  if (!m || Number(m[1]) !== expected) return null;
  return prev === undefined || ENDS_SENTENCE.test(prev) ? m[2]! : null;
}

/**
 * An unlettered sub-section heading ("French forces"): a short capitalised line without final punctuation,
 * after a finished paragraph and right before the next paragraph.
 */
function isUnletteredHeading(line: string, draft: Draft | null, next: string | undefined, expected: number): boolean {
  const prev = draft?.lines.at(-1);
  return (
    prev !== undefined &&
    ENDS_SENTENCE.test(prev) &&
    line.length <= MAX_UNLETTERED_HEADING &&
    /^\p{Lu}/u.test(line) &&
    !/[.,;:!?-]$/.test(line) &&
    next !== undefined &&
    paragraphStart(next, expected, line + ".") !== null
  );
}

/** Splits a paragraph's lines at "(a) … (b) …" item starts, accepting only consecutive letters from "a". */
function splitSubItems(lines: string[]): { intro: string[]; items: { label: string; lines: string[] }[] } {
  const intro: string[] = [];
  const items: { label: string; lines: string[] }[] = [];
  for (const line of lines) {
    const label = SUB_ITEM.exec(line)?.[1];
    const expected = items.length === 0 ? "a" : nextLetter(items.at(-1)!.label);
    if (label !== undefined && label === expected) items.push({ label, lines: [line] });
    else (items.at(-1)?.lines ?? intro).push(line);
  }
  if (items.length >= 2) return { intro, items };
  return { intro: lines, items: [] };
}

function finish(draft: Draft, vocab: Vocabulary, repairs: Repair[]): Paragraph {
  const { intro, items } = splitSubItems(draft.lines);
  const fix = (lines: string[]): string => {
    const r = repairLines(lines, vocab);
    repairs.push(...r.repairs);
    return r.text;
  };
  const introText = fix(intro);
  const subItems: SubItem[] = items.map(({ label, lines }) => ({
    label,
    text: fix(lines).replace(SUB_ITEM_LABEL, ""),
  }));
  const itemTexts = items.map((item, i) => `(${item.label}) ${subItems[i]!.text}`);
  return {
    number: draft.number,
    chapter: draft.chapter,
    section: draft.section,
    text: [introText, ...itemTexts].filter((t) => t !== "").join(" "),
    subItems,
  };
}

/** Parses the body (the text before "Annex I") into paragraphs, also returning every repair made. */
export function parseBody(bodyText: string): ParsedBody {
  if (bodyText.trim() === "") throw new ReportParseError("EMPTY", "The report body is empty.");
  const lines = cleanLines(bodyText);
  const vocab = buildVocabulary(joinLines(lines).text);
  const repairs: Repair[] = [];
  const paragraphs: Paragraph[] = [];

  let chapter: string | null = null;
  let section: string | null = null;
  let nextChapter = 0;
  let nextSection = "A";
  let heading: Heading | null = null; // heading still open for wrapped continuation lines
  let draft: Draft | null = null;
  let lastNumber = 0;

  const headingText = (h: Heading): string => {
    const r = repairLines(h.lines, vocab);
    repairs.push(...r.repairs);
    return r.text;
  };
  const closeHeading = (): void => {
    if (heading?.kind === "chapter") chapter = headingText(heading);
    if (heading?.kind === "section") section = headingText(heading);
    heading = null;
  };
  const closeDraft = (): void => {
    if (draft) paragraphs.push(finish(draft, vocab, repairs));
    draft = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const expected = lastNumber + 1;
    const chapterMatch = CHAPTER.exec(line);
    const sectionMatch = SECTION.exec(line);
    const start = paragraphStart(line, expected, heading ? undefined : draft?.lines.at(-1));

    if (chapterMatch && chapterMatch[1] === ROMAN[nextChapter]) {
      closeDraft();
      closeHeading();
      nextChapter++;
      nextSection = "A";
      section = null;
      heading = { kind: "chapter", lines: [line] };
    } else if (sectionMatch && sectionMatch[1] === nextSection && (chapter !== null || heading !== null)) {
      closeDraft();
      closeHeading();
      nextSection = nextLetter(nextSection);
      heading = { kind: "section", lines: [line] };
    } else if (start !== null) {
      closeDraft();
      closeHeading();
      if (chapter === null) {
        throw new ReportParseError("NO_PARAGRAPHS", `Paragraph ${expected} appears before any chapter heading.`);
      }
      draft = { number: expected, chapter, section, lines: [start] };
      lastNumber = expected;
    } else if (heading) {
      heading.lines.push(line);
    } else if (isUnletteredHeading(line, draft, lines[i + 1], expected)) {
      closeDraft();
      heading = { kind: "section", lines: [line] };
    } else if (draft) {
      draft.lines.push(line);
    }
  }
  closeDraft();
  if (paragraphs.length === 0) throw new ReportParseError("NO_PARAGRAPHS", "No numbered paragraph found in the report body.");
  return { paragraphs, repairs };
}

export function parseParagraphs(bodyText: string): Paragraph[] {
  return parseBody(bodyText).paragraphs;
}
