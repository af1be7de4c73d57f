import { describe, expect, it } from "vitest";
import { parseRefs, segmentAnswer } from "../../src/widget/citations.js";

describe("segmentAnswer", () => {
  it("turns paragraph, sub-item and annex markers into citation segments", () => {
    const segments = segmentAnswer("Kidal was attacked (para. 17). Also (para. 18 (b)); Senegal sent 576 (Annex II).");
    expect(segments).toEqual([
      { kind: "text", text: "Kidal was attacked " },
      { kind: "cites", refs: [{ kind: "para", paragraph: 17, subItem: undefined, label: "para. 17" }] },
      { kind: "text", text: ". Also " },
      { kind: "cites", refs: [{ kind: "para", paragraph: 18, subItem: "b", label: "para. 18 (b)" }] },
      { kind: "text", text: "; Senegal sent 576 " },
      { kind: "cites", refs: [{ kind: "annex", annex: "II", label: "Annex II" }] },
      { kind: "text", text: "." },
    ]);
  });

  it("leaves ordinary parentheses and unfinished markers as text", () => {
    expect(segmentAnswer("MINUSMA (the Mission) said (para. 1")).toEqual([{ kind: "text", text: "MINUSMA (the Mission) said (para. 1" }]);
  });

  it("keeps the text intact: concatenating text segments and labels loses nothing but the parentheses", () => {
    const text = "A (para. 2) B (Annex I) C";
    const rebuilt = segmentAnswer(text)
      .map((s) => (s.kind === "text" ? s.text : `(${s.refs.map((r) => r.label).join("; ")})`))
      .join("");
    expect(rebuilt).toBe(text);
  });
});

describe("parseRefs", () => {
  it("reads lists of references", () => {
    expect(parseRefs("paras. 17 and 18")?.map((r) => r.label)).toEqual(["para. 17", "para. 18"]);
    expect(parseRefs("para. 3; Annex II")?.map((r) => r.label)).toEqual(["para. 3", "Annex II"]);
    expect(parseRefs("Annex I, 2.3.3")?.map((r) => r.label)).toEqual(["Annex I"]);
  });

  it("rejects anything that is not a reference", () => {
    expect(parseRefs("see above")).toBeNull();
    expect(parseRefs("para. 3, see above")).toBeNull();
    expect(parseRefs("2016")).toBeNull();
  });
});
