// The one text fold of the project: accents, curly apostrophes, dashes and case do not matter when
// matching names and terms. Shared by ingest, retrieval, the question frame and the numeric tool.

/** Same length as the input (for NFC text), so positions in the folded text map back to the original. */
export function foldSameLength(text: string): string {
  return text
    .normalize("NFC")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, "-")
    .toLowerCase();
}

/** Folded, with spacing normalised: "Côte d’Ivoire " -> "cote d'ivoire". */
export function fold(text: string): string {
  return foldSameLength(text).replace(/\s+/g, " ").trim();
}
