import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAnnexI } from "../../ingest/parse/annex-i.js";

const seed = readFileSync(new URL("../../seeds/S-2017-478.txt", import.meta.url), "utf8");
const start = seed.search(/^\s*Annex I\s*$/m);
const end = seed.search(/^\s*Annex II\s*$/m);
const annex = parseAnnexI(seed.slice(start, end));
const byId = (id: string) => {
  const found = annex.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

describe("parseAnnexI on S/2017/478", () => {
  it("reads the title, the four areas and their goals", () => {
    expect(annex.title).toBe(
      "Benchmarks for monitoring the implementation of the Agreement on Peace and Reconciliation in Mali",
    );
    expect(annex.areas.map((a) => `${a.id}. ${a.title}`)).toEqual([
      "1. Political and institutional matters",
      "2. Defence and security aspects",
      "3. Humanitarian assistance, socioeconomic and cultural development and the provision of basic social services",
      "4. Justice and reconciliation",
    ]);
    expect(annex.areas[0]!.goal).toMatch(/^Significant progress in the implementation .* throughout the country$/);
    expect(annex.areas[2]!.goal).toBe(
      "Establishment of structures and mechanisms designed to achieve inclusive, participatory and sustainable local development",
    );
  });

  it("reads the ten objectives with their text", () => {
    expect(annex.objectives.map((o) => o.id)).toEqual(["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "4.3"]);
    expect(annex.objectives.find((o) => o.id === "2.3")).toEqual({
      id: "2.3",
      area: "2",
      text: "Reconstitute and progressively redeploy defence and security forces throughout national territory",
    });
    expect(annex.objectives.find((o) => o.id === "4.2")!.text).toBe("Establish transitional justice mechanisms");
  });

  it("has the 31 indicators 1.1.1 … 4.3.6 in order, each under its objective and area", () => {
    const counts: Record<string, number> = { "1.1": 3, "1.2": 3, "2.1": 3, "2.2": 2, "2.3": 3, "3.1": 3, "3.2": 4, "4.1": 2, "4.2": 2, "4.3": 6 };
    const expected = Object.entries(counts).flatMap(([obj, n]) => Array.from({ length: n }, (_, k) => `${obj}.${k + 1}`));
    expect(annex.indicators).toHaveLength(31);
    expect(annex.indicators.map((i) => i.id)).toEqual(expected);
    for (const i of annex.indicators) {
      expect(i.id.startsWith(`${i.objective}.`)).toBe(true);
      expect(i.objective.startsWith(`${i.area}.`)).toBe(true);
    }
  });

  it("has the status counts read by hand from the seed", () => {
    const carrying = (s: string) => annex.indicators.filter((i) => (i.status as string[]).includes(s)).length;
    expect(carrying("Implemented")).toBe(10);
    expect(carrying("Ongoing")).toBe(20);
    expect(carrying("Not implemented")).toBe(1);
    expect(annex.indicators.filter((i) => i.status.length === 0).map((i) => i.id)).toEqual(["2.3.3"]);
    expect(annex.indicators.filter((i) => i.status.length > 1).map((i) => i.id)).toEqual(["4.2.1"]);
  });

  it("handles the special statuses: none (2.3.3), two (4.2.1), split over lines (1.2.3)", () => {
    expect(byId("2.3.3")).toMatchObject({ status: [], deadline: null, comments: "" });
    expect(byId("2.3.3").text).toBe(
      "The gradual redeployment throughout Mali of reconstituted defence and security forces is in effect and guarantees that security and public order are maintained",
    );
    expect(byId("4.2.1").status).toEqual(["Implemented", "Ongoing"]);
    expect(byId("4.2.1").comments).toBe(
      "Progress made: – The Truth, Justice and Reconciliation Commission is operational – Five regional offices out of six are open",
    );
    expect(byId("1.2.3").status).toEqual(["Not implemented"]);
  });

  it("reads date-like deadlines and leaves the others null", () => {
    expect(byId("1.1.1").deadline).toBe("2017");
    expect(byId("2.2.2").deadline).toBe("First half of 2017");
    expect(byId("2.3.2").deadline).toBe("First half of 2017");
    expect(byId("3.2.4").deadline).toBe("2016");
    expect(byId("4.1.1").deadline).toBe("March 2017");
    expect(byId("1.2.1").deadline).toBeNull();
    expect(byId("2.1.3").deadline).toBeNull();
    expect(byId("3.2.1").deadline).toBeNull();
    expect(annex.indicators.filter((i) => i.deadline !== null)).toHaveLength(8);
  });

  it("joins comments, keeping the – bullets readable", () => {
    expect(byId("1.1.1").comments).toBe("The interim authorities were installed in the five regions of the north on 20 April 2017");
    expect(byId("2.2.2").comments).toBe("The integration benchmarks and quotas are still to be defined by the signatories");
    expect(byId("3.1.1").comments).toBe(
      "Progress made: – Identification of 30 return zones in 20 priority municipalities by the Ministry of Solidarity and " +
        "Humanitarian Action, with the support of the Office of the United Nations High Commissioner for Refugees " +
        "– Supply of provisions and allowances to the most vulnerable repatriated persons",
    );
    expect(byId("3.1.3").comments).toMatch(/This approach also includes a segment to support income-generating activities$/);
    expect(byId("2.1.3").comments).toBe("Completion expected");
    expect(byId("1.2.2").comments).toBe("");
    expect(byId("2.2.2").text).toContain("takes into account cross-cutting issues");
  });

  it("leaks no column header or page furniture into any field", () => {
    const fields = [
      annex.title,
      ...annex.areas.flatMap((a) => [a.title, a.goal]),
      ...annex.objectives.map((o) => o.text),
      ...annex.indicators.flatMap((i) => [i.text, i.comments, i.deadline ?? ""]),
    ];
    for (const f of fields) {
      expect(f).not.toMatch(/Objectives Progress|Progress indicators|State of|Deadline Comments|implementation Deadline/);
      expect(f).not.toMatch(/S\/2017\/478|17-08909|\d+\/27\b/);
      expect(f).not.toMatch(/\bImplemented\b|\bOngoing\b|\s{2,}|^\s|\s$/);
    }
  });
});
