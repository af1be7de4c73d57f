// fast-check over the numeric tool's inputs (runNumericOperation) on the real report and a synthetic
// one with zeros: every input either gives a finite number with a formula, or fails with a typed error
// (a ZodError for a malformed input, a NumericToolError for one the report cannot answer). Never NaN,
// never Infinity, never a TypeError. Then the same through HTTP: table questions never get a 5xx.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { AskResponse } from "../../src/answer/contract.js";
import { ANNEX_II_SEXES, type StructuredReport } from "../../src/report/schema.js";
import { NumericToolError, runNumericOperation } from "../../src/tools/index.js";
import { COMPONENTS } from "../../src/tools/types.js";
import { createTestSitrep, postJson } from "../helpers/app.js";
import { seedReport, syntheticReport } from "../tools/report-fixture.js";

const OPERATIONS = [
  "cell", "missionTotal", "sum", "rank", "count", "share", "difference", "ratio", "indicatorCount", "indicatorLookup",
  "paragraphPercentChange", "paragraphSumChange", "paragraphDifference", "paragraphSum", "paragraphRatio", "paragraphShare", "paragraphPercentOf",
] as const;

function inputs(report: StructuredReport) {
  const countries = report.annexII.rows.map((r) => r.country);
  const figures = report.paragraphs.flatMap((p) => p.text.match(/\$?\d[\d,. ]*(?: per cent| million|%)?/g) ?? []).slice(0, 200);
  const country = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...countries) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }, { weight: 1, arbitrary: fc.constantFrom("Total", "", "côte d'ivoire", "SENEGAL", "__proto__") });
  const component = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...COMPONENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
  const sex = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ANNEX_II_SEXES) }, { weight: 1, arbitrary: fc.constant("other") });
  const selector = fc.record({ component, sex, countries: fc.option(fc.array(country, { maxLength: 4 }), { nil: undefined }) }, { requiredKeys: ["component"] });
  const number = fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.double(), fc.constantFrom(0, -0, Number.MAX_VALUE, Number.MIN_VALUE, 1e308));
  const figure = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...figures) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.constantFrom("0", "0 per cent", "$0 million", "1e308", "NaN", "Infinity", "-1") });
  const paragraph = fc.oneof(fc.integer({ min: 1, max: report.paragraphs.length }), fc.integer({ min: -2, max: 500 }), fc.double());
  const fields = fc.record(
    {
      country, component, sex, countries: fc.array(country, { maxLength: 5 }), order: fc.constantFrom("most", "fewest", "any"),
      n: number, position: number, includeZero: fc.boolean(),
      conditions: fc.array(fc.record({ component, sex, comparator: fc.constantFrom("gt", "gte", "lt", "lte", "eq", "ne"), threshold: number }), { maxLength: 3 }),
      part: fc.oneof(selector, figure), whole: fc.oneof(selector, figure), a: fc.oneof(selector, figure), b: fc.oneof(selector, figure),
      status: fc.constantFrom("Implemented", "Ongoing", "Not implemented", "none", "maybe"),
      area: fc.oneof(fc.constantFrom("1", "2", "3", "9"), fc.string({ maxLength: 3 })),
      objective: fc.oneof(fc.constantFrom("1.1", "2.3", "9.9"), fc.string({ maxLength: 4 })),
      id: fc.oneof(fc.constantFrom(...report.annexI.indicators.map((i) => i.id)), fc.constantFrom("9.9.9", "1.1"), fc.string({ maxLength: 6 })),
      paragraph, from: fc.oneof(figure, fc.array(figure, { maxLength: 4 })), to: fc.oneof(figure, fc.array(figure, { maxLength: 4 })), figures: fc.array(figure, { maxLength: 4 }), percent: figure, of: figure,
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...OPERATIONS), fields).map(([operation, f]) => ({ operation, ...f })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.anything() },
  );
}

function checkOne(report: StructuredReport, input: unknown) {
  let result: ReturnType<typeof runNumericOperation>;
  try {
    result = runNumericOperation(report, input);
  } catch (err) {
    if (err instanceof z.ZodError || err instanceof NumericToolError) return;
    throw new Error(`untyped failure for ${safeJson(input)}: ${(err as Error).stack}`);
  }
  expect(Number.isFinite(result.value), safeJson(input)).toBe(true);
  expect(result.formula, safeJson(input)).not.toMatch(/NaN|Infinity|undefined/);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 300) ?? String(value);
  } catch {
    return String(value);
  }
}

describe("runNumericOperation (fast-check)", () => {
  it.each([
    ["the real report", seedReport],
    ["a synthetic report with zero cells", syntheticReport],
  ])("on %s: a finite result or a typed error, whatever the input", (_name, load) => {
    const report = load();
    fc.assert(fc.property(inputs(report), (input) => checkOne(report, input)), { numRuns: 3000 });
  });
});

describe("numeric questions over HTTP (fast-check, real app)", () => {
  let sitrep: Awaited<ReturnType<typeof createTestSitrep>>;
  beforeAll(async () => {
    sitrep = await createTestSitrep();
  });
  afterAll(() => sitrep.close());

  it("never a 5xx, and any computed result is finite", async () => {
    const report = seedReport();
    const country = fc.oneof(fc.constantFrom(...report.annexII.rows.map((r) => r.country)), fc.constantFrom("Atlantis", "France", "the Mission"));
    const what = fc.constantFrom("troops", "military personnel", "police", "formed police units", "women police officers", "uniformed personnel", "staff officers");
    const template = fc.constantFrom(
      (a: string, b: string, w: string) => `How many ${w} does ${a} contribute?`,
      (a: string, b: string, w: string) => `What is the ratio of ${w} from ${a} to ${b}?`,
      (a: string, b: string, w: string) => `What share of all ${w} comes from ${a}?`,
      (a: string, b: string, w: string) => `How many more ${w} does ${a} send than ${b}?`,
      (a: string, b: string, w: string) => `Which country sends the most ${w} after ${a}?`,
      (a: string, b: string, w: string) => `How many countries contribute more than 0 ${w}?`,
      (a: string, b: string, w: string) => `What percentage of ${a}'s ${w} are women compared with ${b}?`,
      (_a: string, _b: string, w: string) => `By what percentage did the number of ${w} change between paragraph 17 and paragraph 0?`,
    );
    await fc.assert(
      fc.asyncProperty(template, country, country, what, async (make, a, b, w) => {
        const question = make(a, b, w);
        const response = await postJson(sitrep.app, "/v1/ask", { question });
        expect(response.status, question).toBe(200);
        const body = (await response.json()) as AskResponse;
        if (body.tool) expect(Number.isFinite(body.tool.result), question).toBe(true);
        expect(body.answer, question).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
      }),
      { numRuns: 120 },
    );
  }, 180_000);
});
