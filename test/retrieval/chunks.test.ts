import { describe, expect, it } from "vitest";
import { buildChunks } from "../../ingest/chunks.js";
import { StoredChunksSchema } from "../../src/retrieval/chunk.js";
import { syntheticReport } from "../helpers/synthetic-report.js";

describe("buildChunks", () => {
  const chunks = buildChunks(syntheticReport(), 600);
  const byId = new Map(chunks.map((c) => [c.metadata.id, c]));

  it("makes one chunk per paragraph, Annex I objective and Annex II row (plus totals)", () => {
    expect(chunks.filter((c) => c.metadata.kind === "annex-i").map((c) => c.metadata.ref)).toEqual(["Annex I 1.1"]);
    expect(chunks.filter((c) => c.metadata.kind === "annex-ii").map((c) => c.metadata.ref)).toEqual([
      "Annex II Côte d’Ivoire",
      "Annex II Total",
    ]);
    expect(byId.get("p1")?.metadata).toMatchObject({ ref: "para. 1", kind: "paragraph", paragraph: 1, part: 1, parts: 1 });
    expect(StoredChunksSchema.safeParse(chunks.map((c) => ({ pageContent: c.pageContent, metadata: c.metadata }))).success).toBe(true);
  });

  it("prefixes paragraph text with its headings but keeps the raw text in metadata", () => {
    const p2 = byId.get("p2")!;
    expect(p2.pageContent.startsWith("II. Security — A. Attacks\n")).toBe(true);
    expect(p2.metadata.text).toBe(syntheticReport().paragraphs[1]!.text);
  });

  it("splits a long paragraph at sentences, every part keeping the paragraph number", () => {
    const parts = chunks.filter((c) => c.metadata.paragraph === 3);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.metadata.ref).toBe("para. 3");
      expect(p.metadata.parts).toBe(parts.length);
      expect(p.metadata.text.length).toBeLessThanOrEqual(600);
    }
    expect(parts.map((p) => p.metadata.text).join(" ")).toBe(syntheticReport().paragraphs[2]!.text);
  });

  it("splits at sub-items when the paragraph has them", () => {
    const parts = buildChunks(syntheticReport(), 80).filter((c) => c.metadata.paragraph === 4);
    expect(parts.flatMap((p) => p.metadata.subItems)).toEqual(["a", "b"]);
    expect(parts.some((p) => p.metadata.text.startsWith("(b) Reimbursement"))).toBe(true);
  });

  it("renders Annex rows as sentences", () => {
    expect(byId.get("a2-Côte d’Ivoire")?.metadata.text).toContain("157 military personnel");
    expect(byId.get("a1-1.1")?.metadata.text).toContain("Indicator 1.1.1: Interim authorities are operational. State of implementation: Ongoing. Deadline: 2017.");
  });

});
