// /v1/ask through real HTTP requests, in-process, on the real index built from the real report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { createTestSitrep, postJson } from "../helpers/app.js";

type Sitrep = Awaited<ReturnType<typeof createTestSitrep>>;
let sitrep: Sitrep;

beforeAll(async () => {
  sitrep = await createTestSitrep();
});
afterAll(() => sitrep.close());

async function ask(question: string, extra: Record<string, unknown> = {}): Promise<AskResponse> {
  const response = await postJson(sitrep.app, "/v1/ask", { question, ...extra });
  expect(response.status).toBe(200);
  return (await response.json()) as AskResponse;
}

const paragraphText = (n: number) => sitrep.deps.report.paragraphs.find((p) => p.number === n)!.text;

// Staff wording, not the report's: "hurt" for "injured", "paid" for "received", "shut" for "closed"…
const PARAPHRASES: { question: string; paragraphs: number[]; mustContain?: string; indicators?: string[] }[] = [
  { question: "How many peacekeepers were hurt since June 2016?", paragraphs: [17], mustContain: "64 injured" },
  // Annex I 3.1.2 gives the funded share too (12.5 per cent at 30 April); para. 38 the later one (14 per cent at 26 May).
  { question: "How much of the humanitarian appeal has actually been paid so far?", paragraphs: [38], mustContain: "per cent", indicators: ["3.1.2"] },
  { question: "How many schools are shut because of the insecurity?", paragraphs: [35], mustContain: "501" },
  { question: "How many people in Mali don't have enough to eat?", paragraphs: [34], mustContain: "3.8 million" },
  { question: "When was the supply route through Niamey tried out?", paragraphs: [47], mustContain: "30 March and 28 April" },
  { question: "Who was appointed prime minister in April?", paragraphs: [11], mustContain: "Maiga" },
  { question: "How many women sit in the new cabinet?", paragraphs: [11], mustContain: "eight women" },
  { question: "How much money has been requested to run the mission in 2017/18?", paragraphs: [51], mustContain: "1,077.6 million" },
  { question: "How much do member states still owe to the MINUSMA special account?", paragraphs: [52], mustContain: "53.3 million" },
  { question: "How many of the military helicopters can actually fly?", paragraphs: [72], mustContain: "11" },
  { question: "Have there been any fresh allegations of sexual abuse against peacekeepers?", paragraphs: [50] },
  { question: "How many Malian refugees are there in neighbouring countries?", paragraphs: [37], mustContain: "143,600" },
  { question: "Were the historic mosques in Timbuktu fixed?", paragraphs: [40] },
  { question: "How many victim statements has the truth commission gathered?", paragraphs: [32], mustContain: "3,447" },
  { question: "How many kids are out of school?", paragraphs: [35], mustContain: "150,000" },
];

describe("paraphrased questions cite the right paragraphs", () => {
  for (const { question, paragraphs, mustContain, indicators = [] } of PARAPHRASES) {
    it(question, async () => {
      const body = await ask(question);
      expect(body.answered).toBe(true);
      const first = body.citations[0]!;
      if ("rows" in first && indicators.length > 0) {
        expect(first.rows.some((row) => indicators.includes(row))).toBe(true);
      } else {
        const cited = body.citations.flatMap((c) => ("paragraph" in c ? [c.paragraph] : []));
        expect(paragraphs).toContain(cited[0]);
        expect(body.answer).toContain(`(para. ${cited[0]}`);
      }
      if (mustContain) expect(body.answer).toContain(mustContain);
    });
  }
});

describe("citations", () => {
  it("every quote is copied verbatim from its cited paragraph, and every cited paragraph is marked in the answer", async () => {
    for (const { question } of PARAPHRASES.slice(0, 8)) {
      const body = await ask(question);
      for (const citation of body.citations) {
        if (!("paragraph" in citation)) continue;
        expect(paragraphText(citation.paragraph)).toContain(citation.quote);
        expect(body.answer).toContain(`(${citation.ref})`);
      }
    }
  });

  it("a question naming a paragraph goes straight to it", async () => {
    const body = await ask("What does para. 42 say?");
    expect(body.citations[0]).toMatchObject({ ref: "para. 42", paragraph: 42 });
    expect(paragraphText(42)).toContain((body.citations[0] as { quote: string }).quote);
  });

  it("a sub-item can be cited on its own: para. 18 (b)", async () => {
    const body = await ask("What does paragraph 18 (b) say?");
    expect(body.citations[0]).toMatchObject({ ref: "para. 18 (b)", paragraph: 18, subItem: "b" });
    expect(body.answer).toMatch(/mortar attack against the MINUSMA camp in Timbuktu/);
  });

  it("a question about an annex goes straight to it", async () => {
    const body = await ask("What is in Annex II?");
    expect(body.citations[0]).toMatchObject({ ref: "Annex II", annex: "II" });
    expect(body.answer).toContain("(Annex II)");
  });
});

describe("unanswerable questions are refused, not guessed", () => {
  const REFUSALS = [
    "How many Canadian troops serve in MINUSMA?",
    "What happened in Kidal in 2019?",
    "What is the salary of the Special Representative?",
    "How many drones does the mission operate?",
  ];
  for (const question of REFUSALS) {
    it(question, async () => {
      const body = await ask(question);
      expect(body.answered).toBe(false);
      expect(body.citations).toEqual([]);
      expect(body.tool).toBeUndefined();
      expect(body.answer).toMatch(/not|no /i);
    });
  }
});

describe("evidence for evaluators", () => {
  it("is off by default and lists ranked refs when debug is on", async () => {
    expect((await ask("When was the Niamey supply route tested?")).evidence).toBeUndefined();
    const body = await ask("When was the Niamey supply route tested?", { debug: true });
    expect(body.evidence?.[0]?.ref).toBe("para. 47");
  });
});

describe("conversations", () => {
  it("a follow-up is resolved against the previous turn", async () => {
    const first = await ask("How many peacekeepers were killed since June 2016?");
    expect(first.answer).toMatch(/Eight peacekeepers were killed/);
    const followUp = await ask("And in the previous mandate period?", { conversationId: first.conversationId });
    expect(followUp.conversationId).toBe(first.conversationId);
    expect(followUp.answered).toBe(true);
    expect(followUp.answer).toContain("28 killed");
  });

  it("'What about the French? How many of their soldiers were killed?' is one question about the French, after a question with a year", async () => {
    const first = await ask("How many UN peacekeepers were killed in Mali since June 2016?");
    const followUp = await ask("What about the French? How many of their soldiers were killed and wounded?", { conversationId: first.conversationId });
    expect(followUp.answered).toBe(true);
    expect(followUp.answer).toContain("Two French soldiers were killed and 11 injured");
  });

  it("a follow-up still works after the app restarts on the same data folder", async () => {
    const first = await ask("How many troops does Senegal contribute?");
    sitrep.close();
    sitrep = await createTestSitrep({}, { dataDir: sitrep.dataDir });
    const followUp = await ask("What about Ghana?", { conversationId: first.conversationId });
    expect(followUp.answered).toBe(true);
    const ghana = sitrep.deps.report.annexII.rows.find((r) => r.country === "Ghana")!;
    expect(followUp.answer).toContain(ghana.military.total.toLocaleString("en-US"));
    expect(followUp.citations).toContainEqual(expect.objectContaining({ annex: "II", rows: ["Ghana"] }));
  });

  it("an unknown conversation id starts a new conversation under that id", async () => {
    const body = await ask("And in the previous mandate period?", { conversationId: "never-seen-before" });
    expect(body.conversationId).toBe("never-seen-before");
  });
});

describe("feedback", () => {
  it("is stored next to the answer and visible in GET /v1/answers/{answerId}", async () => {
    const body = await ask("How many schools are closed?");
    const posted = await postJson(sitrep.app, "/v1/feedback", { answerId: body.answerId, rating: "down", comment: "too short" });
    expect(posted.status).toBe(201);
    const stored = (await (await sitrep.app.request(`/v1/answers/${body.answerId}`)).json()) as {
      question: string;
      feedback: { rating: string; comment: string }[];
    };
    expect(stored.question).toBe("How many schools are closed?");
    expect(stored.feedback).toEqual([expect.objectContaining({ rating: "down", comment: "too short" })]);
  });
});

describe("service endpoints", () => {
  it("GET /health reports readiness and the index manifest", async () => {
    const health = (await (await sitrep.app.request("/health")).json()) as Record<string, any>;
    expect(health.status).toBe("ok");
    expect(health.index.seedSha256).toBe(sitrep.deps.report.seedSha256);
    expect(health.index.encoder.dimensions).toBe(512);
    expect(health.index.chunkCount).toBeGreaterThanOrEqual(74);
    expect(health.slack).toBe("not configured");
    expect(health.retrieval).toBe("hybrid");
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("GET /openapi.json describes the contract", async () => {
    const spec = (await (await sitrep.app.request("/openapi.json")).json()) as { paths: Record<string, unknown>; components: any };
    for (const path of ["/v1/ask", "/v1/paragraphs/{n}", "/v1/annexes/I", "/v1/annexes/II", "/v1/feedback", "/v1/answers/{answerId}", "/health"]) {
      expect(spec.paths).toHaveProperty([path]);
    }
    expect(spec.components.schemas.AskResponse.properties).toHaveProperty("citations");
  });

  it("GET /v1/annexes/II includes the data warning about the row whose printed total contradicts its parts", async () => {
    const annex = (await (await sitrep.app.request("/v1/annexes/II")).json()) as { rows: unknown[]; warnings: { row: string; printed: number; implied: number }[] };
    expect(annex.rows).toHaveLength(54);
    expect(annex.warnings.length).toBeGreaterThan(0);
    for (const w of annex.warnings) expect(w.printed).not.toBe(w.implied);
  });

  it("GET /v1/annexes/I lists the 31 indicators", async () => {
    const annex = (await (await sitrep.app.request("/v1/annexes/I")).json()) as { indicators: unknown[] };
    expect(annex.indicators).toHaveLength(31);
  });
});

describe("a question in two parts", () => {
  it("answers each part and quotes a sentence both parts stand on once", async () => {
    const body = await ask("How many civilians were killed in the February violence in Macina, and how many people have been arrested over it?");
    expect(body.answered).toBe(true);
    expect(body.answer).toContain("20 civilians being killed");
    expect(body.answer).toContain("Fifteen persons were arrested");
    expect(body.answer.split("identified suspected perpetrators").length - 1).toBe(1);
  });

  it("two computations, one per part, each with its tool call: the change since the date asked (not the stated one since the last report) and its percentage", async () => {
    const body = await ask("How many more schools are closed than in May 2016, and what's the percentage increase?");
    expect(body.answered).toBe(true);
    expect(body.tools?.map((t) => t.formula)).toEqual(["501 − 296 = 205", expect.stringContaining("(501 − 296) / 296 × 100 = 69.3%")]);
    expect(body.tool).toEqual(body.tools![0]);
    // The second part stands on the sentence the first quoted: it is quoted once.
    expect(body.answer.split("an additional 65 schools").length - 1).toBe(1);
  });

  it("a later part leans on the first for what it measures: dollars received, then dollars still missing", async () => {
    const body = await ask("Roughly how many dollars has the HRP received so far, and how much is still missing?");
    expect(body.tools?.map((t) => t.result)).toEqual([41, 252]);
  });
});
