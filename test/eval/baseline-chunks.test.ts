// The baseline's raw 1000/200 chunks and the refs each one is credited with (no encoder needed).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rawChunks } from "../../src/eval/baseline/raw-chunks.js";
import { refsForSpan, seedLayout } from "../../src/eval/baseline/seed-layout.js";

const SEED = readFileSync(join(import.meta.dirname, "../../seeds/S-2017-478.txt"), "utf8");

describe("baseline chunk refs", () => {
  it("finds all 74 paragraph starts in order, and the annex rows", () => {
    const refs = seedLayout(SEED).markers.map((m) => m.ref);
    const paras = refs.filter((r) => r.startsWith("para. "));
    expect(paras).toEqual(Array.from({ length: 74 }, (_, i) => `para. ${i + 1}`));
    expect(refs).toContain("Annex I 2.3.1");
    expect(refs).toContain("Annex II Senegal");
    expect(refs).toContain("Annex II Côte d’Ivoire");
    expect(refs.filter((r) => r.startsWith("Annex I ") && /^Annex I \d\.\d\.\d$/.test(r))).toHaveLength(31);
  });

  it("credits a span with the paragraph in progress plus every paragraph starting inside it", () => {
    const layout = seedLayout(SEED);
    const at = (ref: string) => layout.markers.find((m) => m.ref === ref)!.at;
    expect(refsForSpan(layout, at("para. 17") + 50, at("para. 18") + 10)).toEqual(["para. 17", "para. 18"]);
    expect(refsForSpan(layout, at("para. 17") + 50, at("para. 17") + 400)).toEqual(["para. 17"]);
    expect(refsForSpan(layout, at("Annex II Senegal") + 2, at("Annex II Senegal") + 30)).toEqual(["Annex II Senegal", "Annex II"]);
  });

  it("splits the raw text into located chunks of at most 1000 characters", async () => {
    const chunks = await rawChunks(SEED);
    expect(chunks.length).toBeGreaterThan(60);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(1000);
      expect(SEED.slice(c.start, c.end)).toBe(c.text);
      expect(c.refs.length).toBeGreaterThan(0);
    }
    const all = new Set(chunks.flatMap((c) => c.refs));
    for (let n = 1; n <= 74; n++) expect(all.has(`para. ${n}`)).toBe(true);
  });
});
