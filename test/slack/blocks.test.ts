// Unit tests of the Block Kit layout and of Slack text handling (no app, no network).
import { describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { answerMessage, FEEDBACK_DOWN, FEEDBACK_UP, LIMITS, noticeMessage, REFUSAL_PREFIX } from "../../src/slack/blocks.js";
import { escapeMrkdwn, questionFromMessage, slackToPlain } from "../../src/slack/text.js";
import { fitEscaped, TRUNCATION_NOTE } from "../../src/slack/truncate.js";

function response(overrides: Partial<AskResponse> = {}): AskResponse {
  return {
    answer: "Senegal contributes 1,087 troops to MINUSMA.",
    answered: true,
    citations: [
      { ref: "Annex II", annex: "II", rows: ["Senegal"] },
      { ref: "para. 35", paragraph: 35, quote: "…" },
      { ref: "Annex II", annex: "II", rows: ["Ghana"] },
    ],
    conversationId: "c1",
    answerId: "a1",
    ...overrides,
  };
}

const allText = (message: { text: string; blocks: unknown[] }) => JSON.stringify(message);

describe("answerMessage", () => {
  it("lays out the answer, a Sources context block and 👍/👎 buttons carrying the answerId", () => {
    const message = answerMessage(response());
    expect(message.blocks.map((b) => b.type)).toEqual(["section", "context", "actions"]);
    expect(message.blocks[1]).toMatchObject({ elements: [{ type: "mrkdwn", text: "Sources: Annex II · para. 35" }] });
    expect(message.blocks[2]).toMatchObject({
      elements: [
        { action_id: FEEDBACK_UP, value: "a1" },
        { action_id: FEEDBACK_DOWN, value: "a1" },
      ],
    });
    expect(message.text).toContain("Senegal contributes 1,087 troops");
    expect(message.text).toContain("Sources: Annex II · para. 35");
  });

  it("says plainly when the report doesn't answer, and omits Sources when there are none", () => {
    const message = answerMessage(response({ answered: false, citations: [], answer: "The report has no figure for that." }));
    expect(message.blocks.map((b) => b.type)).toEqual(["section", "actions"]);
    expect(message.text.startsWith(`*${REFUSAL_PREFIX}*`)).toBe(true);
  });

  it("escapes &, <, > and neutralises broadcast mentions coming from the answer or the question", () => {
    const hostile = "Tom & Jerry <!channel> <@U123> <#C999|general> <script>alert(1)</script> @here @everyone";
    const message = answerMessage(response({ answer: hostile }), { question: hostile });
    const json = allText(message);
    for (const raw of ["<!channel>", "<@U123>", "<#C999", "<script>", " & ", "@here", "@everyone"]) expect(json).not.toContain(raw);
    expect(json).toContain("Tom &amp; Jerry &lt;!channel&gt; &lt;@U123&gt;");
    expect(json).toContain("&lt;script&gt;");
    expect(message.text).toContain("@\u200Dhere");
  });

  it("keeps section text within 3000 chars, truncating at a sentence boundary with a note", () => {
    const sentence = "MINUSMA continued to face asymmetric attacks in the north & centre of Mali. ";
    const message = answerMessage(response({ answer: sentence.repeat(80) }));
    const section = message.blocks[0] as { text: { text: string } };
    expect(section.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(section.text.text.endsWith(TRUNCATION_NOTE)).toBe(true);
    expect(section.text.text).toMatch(/Mali\.\n\n_\(truncated/);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.messageText);
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  });

  it("noticeMessage sets both fallback text and a section", () => {
    expect(noticeMessage("a < b")).toEqual({ text: "a &lt; b", blocks: [{ type: "section", block_id: "sitrep_notice", text: { type: "mrkdwn", text: "a &lt; b" } }] });
  });
});

describe("fitEscaped", () => {
  it("never exceeds the limit, even for one endless word full of ampersands", () => {
    for (const plain of ["&".repeat(5000), "x".repeat(5000), "word ".repeat(1000), "A. ".repeat(2000)]) {
      const fitted = fitEscaped(plain, 3000);
      expect(fitted.text.length).toBeLessThanOrEqual(3000);
      expect(fitted.truncated).toBe(true);
      expect(fitted.text).not.toMatch(/&[a-z]*\n/); // no half entity before the note
    }
  });
});

describe("Slack text in", () => {
  it("strips the bot mention and decodes Slack markup into a plain question", () => {
    expect(questionFromMessage("<@UBOT0001> How many troops does Senegal have?", "UBOT0001")).toBe("How many troops does Senegal have?");
    expect(slackToPlain("Tom &amp; Jerry &lt;b&gt; <!here> <@U1|bob> <#C1|general> <https://x.y|site>")).toBe("Tom & Jerry <b> @here @bob #general site");
    expect(escapeMrkdwn(slackToPlain("&lt;!channel&gt;"))).toBe("&lt;!channel&gt;");
  });
});
