// The retrieval route: rank the retrieved units, quote a stated figure or compute one with the tool,
// check the report really supports an answer, and compose it (extractive, optionally then an LLM).
import type { Paragraph, StructuredReport } from "../report/schema.js";
import { composeExtractive, preferFigures, scoreSentences } from "./extractive.js";
import type { ComposedAnswer } from "./numeric/types.js";
import type { Composer, NumericAnswerers, RetrievedChunk } from "./pipeline.js";
import { statesTheFigure } from "./question-kind.js";
import type { SubjectWord } from "./question-terms.js";
import { isAnnexIObjective, rankUnits } from "./rank-units.js";
import { refusal } from "./refusal.js";
import type { SentenceIndex } from "./sentence-index.js";
import { refuseAfterScoring, type SupportContext } from "./support.js";

/** A question that names the benchmarks looks in Annex I before the paragraphs. */
const ASKS_ABOUT_BENCHMARKS = /\b(?:benchmarks?|progress indicators?|indicators?|annex I)\b/i;
/**
 * A question about the author's own view ("what does the SG recommend…") looks first in the chapter where
 * the Secretary-General speaks in the first person: Observations and recommendations.
 */
const ASKS_AUTHOR_VIEW =
  /\b(?:secretary-general|SG)\b.*\b(?:recommend|recommends|want|wants|propose|proposes|urge|urges|call|calls|think|thinks|believe|believes|view|position|suggest|suggests|ask|asks|encourage|encourages|welcome|welcomes|condemn|condemns|expect|expects|hope|hopes|regret|regrets|concerned|worried)\b/i;
const AUTHOR_CHAPTER = /observations|recommendations/i;
/** How many paragraphs paragraph arithmetic and the LLM composer look at. */
const TOP_PARAGRAPHS = 4;

export interface PassageQuestion {
  question: string;
  /** The question completed with the previous turn's topic, for follow-ups. */
  resolved: string;
  subject: SubjectWord[];
  hits: RetrievedChunk[];
}

export interface PassageDeps {
  report: StructuredReport;
  sentences: SentenceIndex;
  numeric: NumericAnswerers;
  support: SupportContext;
  byNumber: Map<number, Paragraph>;
  composer?: Composer;
}

const paragraphsIn = (numbers: (number | undefined)[], byNumber: Map<number, Paragraph>) =>
  [...new Set(numbers.filter((n): n is number => n !== undefined))].map((n) => byNumber.get(n)).filter((p): p is Paragraph => p !== undefined);

export async function answerFromPassages(q: PassageQuestion, deps: PassageDeps): Promise<ComposedAnswer> {
  const { report, sentences, numeric, support, byNumber } = deps;
  const inAuthorChapter = (hit: RetrievedChunk) => hit.paragraph !== undefined && AUTHOR_CHAPTER.test(byNumber.get(hit.paragraph)?.chapter ?? "");
  const prefer = ASKS_ABOUT_BENCHMARKS.test(q.question) ? isAnnexIObjective : ASKS_AUTHOR_VIEW.test(q.question) ? inAuthorChapter : undefined;
  const ranked = rankUnits(q.hits, sentences, prefer);
  let scored = preferFigures(q.question, scoreSentences(q.resolved, q.subject, ranked, sentences));
  const stated = statesTheFigure(q.question, scored);
  if (stated) {
    // The sentence stating the figure leads, as strong as the best match it answers for.
    scored = [{ ...stated, score: Math.max(stated.score, scored[0]!.score) }, ...scored.filter((s) => s !== stated)];
  } else {
    // Arithmetic looks first where the best sentence is, then down the retrieval ranking.
    const top = scored[0]?.sentence.source;
    const first = top?.kind === "paragraph" ? top.paragraph : undefined;
    const candidates = paragraphsIn([first, ...q.hits.map((h) => h.paragraph)], byNumber).slice(0, TOP_PARAGRAPHS);
    const arithmetic = numeric.answerParagraphArithmetic(q.resolved, candidates);
    if (arithmetic) return arithmetic;
  }
  const late = refuseAfterScoring(q.question, q.subject, scored[0], sentences, support);
  if (late) return refusal(q.question, late, report.symbol);
  const extractive = composeExtractive(scored, q.subject);
  if (!deps.composer || !extractive.answered) return extractive;
  const cited = new Set(extractive.citations.flatMap((c) => ("paragraph" in c ? [c.paragraph] : [])));
  const retrieved = paragraphsIn(q.hits.map((h) => h.paragraph), byNumber);
  const paragraphs = retrieved.filter((p, i) => i < TOP_PARAGRAPHS || cited.has(p.number));
  return deps.composer.compose({ question: q.resolved, paragraphs, extractive });
}
