// StructuredReport -> LangChain Documents: one per paragraph (long ones split), Annex I objective, Annex II row.
import { Document } from "@langchain/core/documents";
import { splitSentences } from "../src/report/sentences.js";
import type { AnnexIIRow, Paragraph, Strength, StructuredReport } from "../src/report/schema.js";
import type { ChunkMetadata } from "../src/retrieval/chunk.js";

export type Chunk = Document<ChunkMetadata>;

/** Paragraphs longer than this (characters) are split at sub-items or sentences. */
export const MAX_CHUNK_CHARS = 1400;

export function buildChunks(report: StructuredReport, maxChars = MAX_CHUNK_CHARS): Chunk[] {
  return [...report.paragraphs.flatMap((p) => paragraphChunks(p, maxChars)), ...annexIChunks(report), ...annexIIChunks(report)];
}

function headingPrefix(chapter: string, section: string | null): string {
  return section ? `${chapter} — ${section}` : chapter;
}

export function paragraphChunks(p: Paragraph, maxChars = MAX_CHUNK_CHARS): Chunk[] {
  const pieces = p.text.length <= maxChars ? [{ text: p.text, labels: p.subItems.map((s) => s.label) }] : splitParagraph(p, maxChars);
  return pieces.map((piece, i) => {
    const metadata: ChunkMetadata = {
      id: pieces.length === 1 ? `p${p.number}` : `p${p.number}.${i + 1}`,
      ref: `para. ${p.number}`,
      kind: "paragraph",
      paragraph: p.number,
      chapter: p.chapter,
      section: p.section,
      part: i + 1,
      parts: pieces.length,
      subItems: piece.labels,
      text: piece.text,
    };
    return new Document({ pageContent: `${headingPrefix(p.chapter, p.section)}\n${piece.text}`, metadata });
  });
}

interface Piece {
  text: string;
  labels: string[];
}

/** Splits at sub-items when the paragraph has them (the lead stays with the first), else at sentences. */
function splitParagraph(p: Paragraph, maxChars: number): Piece[] {
  const units: Piece[] = [];
  const first = p.subItems[0];
  const leadEnd = first ? findSubItemStart(p.text, first.label, first.text) : -1;
  if (first && leadEnd >= 0) {
    const lead = p.text.slice(0, leadEnd).trim();
    if (lead) units.push(...splitSentences(lead).map((s) => ({ text: s, labels: [] })));
    for (const item of p.subItems) units.push({ text: `(${item.label}) ${item.text}`, labels: [item.label] });
  } else {
    units.push(...splitSentences(p.text).map((s) => ({ text: s, labels: [] })));
  }
  return pack(units, maxChars);
}

function findSubItemStart(text: string, label: string, itemText: string): number {
  const marker = text.indexOf(`(${label})`);
  if (marker >= 0) return marker;
  return text.indexOf(itemText.slice(0, 40));
}


/** Greedily packs units into pieces of at most maxChars, balancing the piece count. */
function pack(units: Piece[], maxChars: number): Piece[] {
  const total = units.reduce((n, u) => n + u.text.length + 1, 0);
  const target = Math.min(maxChars, Math.ceil(total / Math.ceil(total / maxChars)));
  const pieces: Piece[] = [];
  let current: Piece | null = null;
  for (const unit of units) {
    if (current && current.text.length + 1 + unit.text.length > target) {
      pieces.push(current);
      current = null;
    }
    current = current ? { text: `${current.text} ${unit.text}`, labels: [...current.labels, ...unit.labels] } : { ...unit };
  }
  if (current) pieces.push(current);
  return pieces;
}

export function annexIChunks(report: StructuredReport): Chunk[] {
  const { areas, objectives, indicators } = report.annexI;
  return objectives.map((objective) => {
    const area = areas.find((a) => a.id === objective.area);
    const lines = [`Objective ${objective.id}: ${objective.text}`];
    for (const ind of indicators.filter((i) => i.objective === objective.id)) {
      const status = ind.status.length ? ind.status.join(" / ") : "not given";
      lines.push(
        `Indicator ${ind.id}: ${withPeriod(ind.text)} State of implementation: ${status}.` +
          (ind.deadline ? ` Deadline: ${ind.deadline}.` : "") +
          (ind.comments ? ` Comments: ${ind.comments}` : ""),
      );
    }
    const text = lines.join("\n");
    const chapter = "Annex I — Benchmarks for monitoring the implementation of the Agreement";
    const section = area ? `${area.id}. ${area.title}` : null;
    const metadata: ChunkMetadata = {
      id: `a1-${objective.id}`,
      ref: `Annex I ${objective.id}`,
      kind: "annex-i",
      annex: "I",
      rowKey: objective.id,
      chapter,
      section,
      part: 1,
      parts: 1,
      subItems: [],
      text,
    };
    return new Document({ pageContent: `${headingPrefix(chapter, section)}\n${text}`, metadata });
  });
}

function withPeriod(text: string): string {
  return /[.;:!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

const GROUP_LABELS: [keyof Strength, string][] = [
  ["military", "military personnel (staff officers and units)"],
  ["individualPolice", "individual police officers"],
  ["formedPoliceUnits", "formed police unit personnel"],
  ["totalPolice", "police personnel in total"],
];

/** "Senegal contributes 576 military personnel (...) (569 men, 7 women); ..." */
export function describeStrength(name: string, s: Strength, asAt: string): string {
  const parts = GROUP_LABELS.filter(([g]) => s[g].total > 0).map(
    ([g, label]) => `${s[g].total} ${label} (${s[g].men} men, ${s[g].women} women)`,
  );
  const subject = name === "Total" ? "In total, MINUSMA has" : `${name} contributes`;
  return `${subject} ${parts.length ? parts.join("; ") : "no personnel"} to MINUSMA as at ${asAt}.`;
}

export function annexIIChunks(report: StructuredReport): Chunk[] {
  const { annexII, warnings } = report;
  const chapter = "Annex II — Military and police strength of MINUSMA";
  const rows: (AnnexIIRow | (Strength & { country: string }))[] = [...annexII.rows, { ...annexII.totals, country: "Total" }];
  return rows.map((row) => {
    const notes = warnings
      .filter((w) => w.row === row.country)
      .map((w) => {
        const label = GROUP_LABELS.find(([g]) => g === w.group)?.[1] ?? w.group;
        return `Note: the report prints ${w.printed} for ${label} (${w.sex}), but its parts add up to ${w.implied}; ${w.used} is used.`;
      });
    const text = [describeStrength(row.country, row, annexII.asAt), ...notes].join(" ");
    const metadata: ChunkMetadata = {
      id: `a2-${row.country}`,
      ref: `Annex II ${row.country}`,
      kind: "annex-ii",
      annex: "II",
      rowKey: row.country,
      chapter,
      section: null,
      part: 1,
      parts: 1,
      subItems: [],
      text,
    };
    return new Document({ pageContent: `${chapter}\n${text}`, metadata });
  });
}
