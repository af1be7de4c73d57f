// The numeric-tool phrasings through real HTTP requests to /v1/ask, in-process on the real index: the
// right number, an Annex citation, and the tool's formula in the response.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { createTestSitrep, postJson } from "../helpers/app.js";
import { NUMERIC_PHRASINGS } from "../tools/numeric-phrasings.js";

type Sitrep = Awaited<ReturnType<typeof createTestSitrep>>;
let sitrep: Sitrep;

beforeAll(async () => {
  sitrep = await createTestSitrep();
});
afterAll(() => sitrep.close());

const format = (n: number) => Math.abs(n).toLocaleString("en-US", { maximumFractionDigits: 2 });

describe("numeric questions through POST /v1/ask", () => {
  it("covers at least 40 phrasings", () => expect(NUMERIC_PHRASINGS.length).toBeGreaterThanOrEqual(40));

  it.each(NUMERIC_PHRASINGS.map((p) => [p.question, p] as const))("%s", async (question, p) => {
    const response = await postJson(sitrep.app, "/v1/ask", { question });
    expect(response.status).toBe(200);
    const body = (await response.json()) as AskResponse;
    if (p.ref === null) {
      expect(body.answered).toBe(false);
      expect(body.citations).toEqual([]);
      expect(body.tool).toBeUndefined();
      expect(body.answer).toMatch(/not listed in Annex II/);
      return;
    }
    const expected = p.expected!(sitrep.deps.report);
    expect(body.answered).toBe(true);
    expect(body.tool?.result).toBe(expected);
    expect(body.tool?.formula.length).toBeGreaterThan(0);
    // (A share the report states itself is quoted, and cited, before the table's: "Women account for 2 per cent …" (para. 41).)
    expect(body.citations).toContainEqual(expect.objectContaining({ ref: p.ref, annex: p.ref === "Annex I" ? "I" : "II" }));
    expect(body.answer).toContain(`(${p.ref})`);
    if (p.ref === "Annex II") expect(body.answer).toContain(format(expected));
  });

  it("paragraph arithmetic shows its operands, their paragraph and the formula", async () => {
    const response = await postJson(sitrep.app, "/v1/ask", { question: "By what percentage did the number of Malian refugees in neighbouring countries rise?" });
    const body = (await response.json()) as AskResponse;
    expect(body.tool?.result).toBe(1.5);
    expect(body.tool?.formula).toMatch(/143,600.*141,500.*1\.5%/);
    expect(body.citations[0]).toMatchObject({ ref: "para. 37", paragraph: 37 });
    const quote = (body.citations[0] as { quote: string }).quote;
    expect(sitrep.deps.report.paragraphs.find((x) => x.number === 37)!.text).toContain(quote);
  });

  it("an answer that uses the flagged Annex II cell says which value was used and why", async () => {
    const response = await postJson(sitrep.app, "/v1/ask", { question: "How many police officers does Niger contribute in total?" });
    const body = (await response.json()) as AskResponse;
    const warning = sitrep.deps.report.warnings[0]!;
    expect(body.tool?.result).toBe(warning.used);
    expect(body.tool?.warnings.join(" ")).toContain(String(warning.printed));
    expect(body.answer).toContain(String(warning.printed));
  });
});
