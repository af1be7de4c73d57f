// The question frame as the prompt shows it: what understand made of the question (the kind of answer,
// what it is about, its times, an operation or table it asks for, its parts).
import type { FramePart, QuestionFrame } from "../understand/frame.js";

function partLines(part: FramePart): string[] {
  const lines = [`- expects: ${part.answerType}${part.asked ? ` (about “${part.asked}”)` : ""}`];
  const about = part.subject.filter((s) => s.weight > 0).map((s) => s.text);
  if (about.length) lines.push(`- about: ${about.join("; ")}`);
  if (part.times.length) lines.push(`- time: ${part.times.map((t) => t.text).join("; ")}`);
  if (part.operation) lines.push(`- asks for a computation: ${part.operation.kind} (use report_numbers)`);
  if (part.table) lines.push(`- reads Annex ${part.table.annex} (use report_numbers)`);
  if (part.negated) lines.push("- the question is negated");
  return lines;
}

export function frameText(frame: QuestionFrame): string {
  const lines = [`- read as: ${frame.retrievalText}`];
  if (frame.followUp) lines.push(`- a follow-up to the previous question (${frame.followUp.kind})`);
  if (frame.parts.length > 1) frame.parts.forEach((p, i) => lines.push(`Part ${i + 1}: ${p.question}`, ...partLines(p)));
  else lines.push(...partLines(frame));
  return lines.join("\n");
}
