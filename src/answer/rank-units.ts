// Turns retrieval hits into ranked answer units: a paragraph hit is its paragraph; an Annex I
// objective hit stands for each of its indicators. Annex II rows are left to the numeric tool.
import type { RankedUnit } from "./extractive.js";
import type { RetrievedChunk } from "./pipeline.js";
import { paragraphUnit, type SentenceIndex } from "./sentence-index.js";

const ANNEX_I_OBJECTIVE = /^Annex I (\d+\.\d+)$/;

export const isAnnexIObjective = (hit: RetrievedChunk) => ANNEX_I_OBJECTIVE.test(hit.ref);

/**
 * @param prefer hits it accepts come first, each group keeping retrieval's order (e.g. Annex I for a
 *               question about the benchmarks)
 */
export function rankUnits(hits: RetrievedChunk[], index: SentenceIndex, prefer?: (hit: RetrievedChunk) => boolean): RankedUnit[] {
  const ranked: RankedUnit[] = [];
  if (prefer) hits = [...hits.filter(prefer), ...hits.filter((h) => !prefer(h))];
  let rank = 0;
  for (const hit of hits) {
    const objective = ANNEX_I_OBJECTIVE.exec(hit.ref)?.[1];
    const units = hit.paragraph !== undefined ? [paragraphUnit(hit.paragraph)] : objective ? (index.indicatorUnitsByObjective.get(objective) ?? []) : [];
    const fresh = units.filter((unit) => !ranked.some((r) => r.unit === unit));
    if (fresh.length === 0) continue;
    for (const unit of fresh) ranked.push({ unit, rank });
    rank += 1;
  }
  return ranked;
}
