// Number formatting in the report's style ("1,717", "1,077.6") and stated rounding.

/** Formats like the report: comma thousands separators, decimals kept as given. */
export function formatNumber(value: number, decimals?: number): string {
  const fixed = decimals === undefined ? String(value) : value.toFixed(decimals);
  const negative = fixed.startsWith("-");
  const [whole = "0", fraction] = (negative ? fixed.slice(1) : fixed).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "−" : ""}${grouped}${fraction !== undefined ? `.${fraction}` : ""}`;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Number of decimals written in a value (for exact decimal sums and differences). */
export function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

export interface Rounded {
  value: number;
  rounding?: string;
}

/** Rounds to `decimals` and says so when the exact value differed. */
export function roundStated(exact: number, decimals: number, what: string): Rounded {
  const value = roundTo(exact, decimals);
  if (value === exact) return { value };
  const exactText = String(roundTo(exact, 6));
  const places = decimals === 1 ? "one decimal place" : `${decimals} decimal places`;
  return { value, rounding: `${what} rounded to ${places} (unrounded ${exactText}).` };
}

/** Percentages: always one decimal. */
export function roundPercent(exact: number): Rounded {
  return roundStated(exact, 1, "Percentage");
}

export function formatPercent(value: number): string {
  return `${formatNumber(roundTo(value, 1), 1)}%`;
}
