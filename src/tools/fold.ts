// Text folding for name matching: accents, curly apostrophes, dashes and case do not matter.

/** Same length as the input (for NFC text), so positions in the folded text map back to the original. */
export function foldSameLength(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, "-")
    .toLowerCase();
}

/** Folded and with spacing normalised: "Côte d’Ivoire " -> "cote d'ivoire". */
export function foldText(text: string): string {
  return foldSameLength(text).replace(/\s+/g, " ").trim();
}
