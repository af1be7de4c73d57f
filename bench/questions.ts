// The bench's question mix: the development suites' questions (every distinct one, so a run can ask
// each once: "questions never repeat"), else a built-in mixed list. The held-out suites stay out.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface QuestionSet {
  source: string;
  questions: string[];
}

/** Paraphrased text questions, Annex I/II table questions, paragraph arithmetic and refusals. */
export const BUILTIN_QUESTIONS: readonly string[] = [
  // text (paraphrased)
  "How many Malian stakeholders attended the conference for national harmony?",
  "Who rejected the conclusion that Azawad carried no political status?",
  "How many women sit on the commission drafting the charter for peace?",
  "When were the interim authorities in Taoudenni and Timbuktu set up?",
  "What did the Agreement Monitoring Committee approve at its 2 May meeting?",
  "Which radio station did the Mission use to broadcast the conference?",
  "What happened at the Malian armed forces checkpoints near Timbuktu in March?",
  "How has the security situation in the central regions evolved?",
  "What is said about Malian refugees in neighbouring countries?",
  "What attacks targeted MINUSMA camps in Timbuktu?",
  // numeric: paragraph figures and arithmetic
  "How many peacekeepers were killed during the reporting period?",
  "How many more peacekeepers were injured in the previous mandate period than in this one?",
  "How many signatory armed group combatants were killed or injured since June 2016 in total?",
  "By what percentage did attacks on Malian defence and security forces increase?",
  "How many French soldiers were killed and injured in total?",
  // numeric: Annex II
  "How many troops does Senegal contribute to MINUSMA?",
  "How many women police officers does Burkina Faso deploy?",
  "Which country contributes the most military personnel?",
  "What is the total number of MINUSMA uniformed personnel?",
  "How many police officers does Chad contribute?",
  "How many more troops does Bangladesh deploy than Senegal?",
  "What share of Burkina Faso's personnel are women?",
  // numeric: Annex I
  "What does Annex I say about progress on the benchmarks?",
  "What is the status of the cantonment indicator in Annex I?",
  // references
  "What does paragraph 2 say?",
  "Summarize para. 47.",
  // refusals
  "What will happen in Mali in 2025?",
  "What is the population of Kazakhstan according to the report?",
  "Who won the 2018 football world cup?",
  "How many helicopters did Norway send to the Mission in 2019?",
];

export const BENCH_SUITES = ["golden.jsonl", "staff-questions.jsonl", "desk-officer.jsonl"].map((f) => join("test", "golden", "dev", f));

/** Every distinct question of the development suites, in a fixed interleaved order (suites mixed). */
export function benchQuestions(root: string): QuestionSet {
  const lists = BENCH_SUITES.map((f) => join(root, f)).filter(existsSync).map((f) => questionsFromJsonl(readFileSync(f, "utf8")));
  const seen = new Set<string>();
  const questions: string[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) {
    for (const list of lists) {
      const q = list[i];
      if (q !== undefined && !seen.has(q)) seen.add(q), questions.push(q);
    }
  }
  return questions.length > 0 ? { source: BENCH_SUITES.join(", "), questions } : { source: "built-in mixed list", questions: [...BUILTIN_QUESTIONS] };
}

export function loadQuestions(goldenFile: string): QuestionSet {
  if (existsSync(goldenFile)) {
    const questions = questionsFromJsonl(readFileSync(goldenFile, "utf8"));
    if (questions.length > 0) return { source: goldenFile, questions };
  }
  return { source: "built-in mixed list", questions: [...BUILTIN_QUESTIONS] };
}

/** Each JSONL case's `question` (comment and blank lines skipped; malformed lines ignored). */
export function questionsFromJsonl(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("//") || line.startsWith("#")) continue;
    try {
      const value = JSON.parse(line) as { question?: unknown };
      if (typeof value.question === "string" && value.question.trim() !== "") out.push(value.question.trim());
    } catch {
      // a malformed line is the eval's problem, not the bench's
    }
  }
  return out;
}
