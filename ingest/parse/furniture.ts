// Page furniture left behind by the PDF export: running headers/footers, link lines, page-break blanks.

const SYMBOL = /^S\/\d{4}\/\d+(?:\/[A-Za-z0-9.]+)*$/; // document symbol, e.g. S/2017/478
const JOB_NUMBER = /^\d{2}-\d{5}X?$/; // print job number, e.g. 17-08909
const PAGE_NUMBER = /^\d{1,3}\/\d{1,3}$/; // e.g. 11/27
const LINK_LINE = /^https?:\/\/undocs\.org\/\S*$/;

/** True when every token on the line is a running header/footer token. */
export function isRunningHeader(line: string): boolean {
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => SYMBOL.test(t) || JOB_NUMBER.test(t) || PAGE_NUMBER.test(t));
}

export function isFurniture(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === "" || LINK_LINE.test(trimmed) || isRunningHeader(trimmed);
}

/** Splits exported text into trimmed content lines, dropping page furniture and blank lines. */
export function cleanLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((line) => !isFurniture(line))
    .map((line) => line.trim());
}
