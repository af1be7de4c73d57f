// Block Kit layout of an answer: the answer, its sources, and 👍/👎 buttons. Everything that comes
// from a person or a model is escaped, and every Slack size limit is respected.
import type { AnyMessageBlock } from "slack-edge";
import type { AskResponse } from "../answer/contract.js";
import { fitEscaped } from "./truncate.js";
import { escapeMrkdwn } from "./text.js";

export const FEEDBACK_UP = "feedback_up";
export const FEEDBACK_DOWN = "feedback_down";
export const REFUSAL_PREFIX = "The report doesn't answer this:";

/** Slack's limits: section text 3000, context element 3000 (we keep sources far below), 50 blocks, message text 40000. */
export const LIMITS = { sectionText: 3000, contextText: 2000, blocks: 50, messageText: 40000, buttonValue: 2000 } as const;

export interface SlackMessage {
  /** Fallback for notifications and clients that can't render blocks; mrkdwn, escaped. */
  text: string;
  blocks: AnyMessageBlock[];
}

export interface AnswerMessageOptions {
  /** Echo the question above the answer (slash commands, where Slack shows no question). */
  question?: string;
}

export function answerMessage(response: AskResponse, options: AnswerMessageOptions = {}): SlackMessage {
  const prefix = response.answered ? "" : `*${REFUSAL_PREFIX}* `;
  const answer = fitEscaped(toSlackEmphasis(response.answer.trim()), LIMITS.sectionText - prefix.length);
  const sources = sourcesLine(response);
  const blocks: AnyMessageBlock[] = [];
  if (options.question) {
    blocks.push(context("sitrep_question", `*Question:* ${escapeMrkdwn(clip(options.question, 500))}`));
  }
  blocks.push({ type: "section", block_id: "sitrep_answer", text: { type: "mrkdwn", text: `${prefix}${answer.text}` } });
  if (sources) blocks.push(context("sitrep_sources", sources));
  if (response.answerId.length <= LIMITS.buttonValue) blocks.push(feedbackButtons(response.answerId));
  const text = [`${prefix}${answer.text}`, sources].filter(Boolean).join("\n");
  return { text: text.slice(0, LIMITS.messageText), blocks: blocks.slice(0, LIMITS.blocks) };
}

/** A one-section message for notices (usage, errors, thanks). `plain` is escaped. */
export function noticeMessage(plain: string): SlackMessage {
  const text = fitEscaped(plain, LIMITS.sectionText).text;
  return { text, blocks: [{ type: "section", block_id: "sitrep_notice", text: { type: "mrkdwn", text } }] };
}

/** "Sources: para. 17 · para. 35 · Annex II" — refs de-duplicated in citation order; null when none. */
export function sourcesLine(response: AskResponse): string | null {
  const refs = [...new Set(response.citations.map((c) => c.ref.trim()).filter(Boolean))];
  if (refs.length === 0) return null;
  let line = "Sources:";
  for (const [i, ref] of refs.entries()) {
    const next = `${i === 0 ? " " : " · "}${escapeMrkdwn(ref)}`;
    const more = ` · +${refs.length - i} more`;
    if (line.length + next.length + more.length > LIMITS.contextText) return line + more;
    line += next;
  }
  return line;
}

function context(blockId: string, mrkdwn: string): AnyMessageBlock {
  return { type: "context", block_id: blockId, elements: [{ type: "mrkdwn", text: mrkdwn }] };
}

function feedbackButtons(answerId: string): AnyMessageBlock {
  return {
    type: "actions",
    block_id: "sitrep_feedback",
    elements: [
      { type: "button", action_id: FEEDBACK_UP, value: answerId, text: { type: "plain_text", text: "👍 Helpful", emoji: true } },
      { type: "button", action_id: FEEDBACK_DOWN, value: answerId, text: { type: "plain_text", text: "👎 Not helpful", emoji: true } },
    ],
  };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Markdown **bold** becomes Slack *bold*; nothing else is interpreted. */
function toSlackEmphasis(text: string): string {
  return text.replace(/\*\*(\S(?:[^*]*\S)?)\*\*/g, "*$1*");
}
