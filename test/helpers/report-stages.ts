// Shared by the stage tests (test/answer, test/glossary, test/figures): the real report's index, loaded
// once per test process and assembled exactly as the service assembles it (createReportRetrieval: the
// knowledge and the hybrid retriever), plus the first stages of the pipeline run on it, so each later
// stage can be tested on real evidence.
import { createReportRetrieval, type ReportRetrieval } from "../../src/bootstrap/asker.js";
import { decide, type Decision } from "../../src/answer/decide.js";
import { retrieveUnits, scoreSentences, type ScoredSentence } from "../../src/answer/evidence.js";
import type { FramePart, QuestionFrame } from "../../src/answer/understand/frame.js";
import { understand } from "../../src/answer/understand/understand.js";
import { loadIndex, type LoadedIndex } from "../../src/retrieval/load-index.js";
import { buildTestIndex, testEmbeddings } from "./index-fixture.js";

export interface ReportStages extends ReportRetrieval {
  index: LoadedIndex;
}

let loaded: Promise<ReportStages> | undefined;

/** The real index with the service's knowledge and hybrid retriever (once per process). */
export function reportStages(): Promise<ReportStages> {
  loaded ??= (async () => {
    const index = await loadIndex(await buildTestIndex(), testEmbeddings().embeddings);
    return { index, ...createReportRetrieval(index, { vectors: index.vectors, embeddings: testEmbeddings().embeddings }) };
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** understand, with the previous turn's frame as the pipeline stores it (answeredWith filled in). */
export function frameOf(s: ReportStages, question: string, previous?: QuestionFrame): QuestionFrame {
  return understand(question, previous, s.knowledge);
}

/** retrieve + score: the sentences of the retrieved units, scored against one part of the frame. */
export async function evidenceFor(s: ReportStages, part: FramePart): Promise<ScoredSentence[]> {
  return scoreSentences(part, await retrieveUnits(s.retriever, part.retrievalText, s.knowledge), s.knowledge);
}

/** understand -> retrieve -> decide for a one-part question. */
export async function decisionFor(s: ReportStages, question: string, previous?: QuestionFrame): Promise<{ frame: QuestionFrame; scored: ScoredSentence[]; decision: Decision }> {
  const frame = frameOf(s, question, previous);
  const scored = await evidenceFor(s, frame);
  return { frame, scored, decision: decide(frame, scored, s.knowledge) };
}
