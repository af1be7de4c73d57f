// The shared sentence splitter: abbreviations, sub-items, and sentences that stay verbatim.
import { describe, expect, it } from "vitest";
import { sentenceSpans, splitSentences } from "../../src/report/sentences.js";
import { seedReport } from "../tools/report-fixture.js";

describe("splitSentences", () => {
  it("does not split sentences at abbreviations", () => {
    expect(splitSentences("See para. 4 above. Mr. Annadif spoke. Then No. 5 followed.")).toEqual([
      "See para. 4 above.",
      "Mr. Annadif spoke.",
      "Then No. 5 followed.",
    ]);
  });

  it("starts a unit at each sub-item marker", () => {
    expect(splitSentences("The attacks included: (a) An attack on 2 May; (b) A mortar attack on 3 May.")).toEqual([
      "The attacks included:",
      "(a) An attack on 2 May;",
      "(b) A mortar attack on 3 May.",
    ]);
  });

  it("keeps every sentence of the real report an exact substring at its offsets", () => {
    for (const paragraph of seedReport().paragraphs) {
      const spans = sentenceSpans(paragraph.text);
      expect(spans.length).toBeGreaterThan(0);
      for (const span of spans) expect(paragraph.text.slice(span.start, span.end)).toBe(span.text);
    }
  });
});
