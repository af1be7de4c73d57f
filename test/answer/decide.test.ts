// The decide stage on its own: a frame and its real evidence (retrieved and scored on the real index)
// become an answer or a refusal, with the reason; then, for an operation, which figures it computes on.
import { beforeAll, describe, expect, it } from "vitest";
import { answerPart } from "../../src/answer/answer-part.js";
import { retrieveUnits, scoreSentences } from "../../src/answer/evidence.js";
import { decide } from "../../src/answer/decide.js";
import type { FramePart } from "../../src/answer/understand/frame.js";
import { understand } from "../../src/answer/understand/understand.js";
import { decisionFor, evidenceFor, frameOf, reportStages, type ReportStages } from "../helpers/report-stages.js";

let s: ReportStages;
beforeAll(async () => {
  s = await reportStages();
}, 300_000);

async function refusalReason(question: string): Promise<string> {
  const { decision } = await decisionFor(s, question);
  if (decision.kind !== "refuse") throw new Error(`expected a refusal for “${question}”, got ${decision.best.sentence.id}: ${decision.best.sentence.text}`);
  return decision.reason;
}

async function answeringSentence(question: string): Promise<string> {
  const { decision } = await decisionFor(s, question);
  if (decision.kind !== "answer") throw new Error(`expected an answer for “${question}”, got a refusal: ${decision.reason}`);
  return decision.best.sentence.id;
}

/** decide, then compose for one part of a frame: what the pipeline does with it. */
async function answerOf(frame: FramePart) {
  return answerPart(frame, await retrieveUnits(s.retriever, frame.retrievalText, s.knowledge), s.knowledge, new Set());
}

/** The same for a single-part question. */
const part = (question: string) => answerOf(frameOf(s, question));

describe("the report is silent: refusal, saying why", () => {
  it("a role it never names anyone for", async () => {
    expect(await refusalReason("What is the name of the Force Commander of MINUSMA?")).toBe("It does not mention “Force Commander”.");
  });

  it("a country asked for, where only another party's country stands beside the sentence ('the French forces')", async () => {
    expect(await refusalReason("Which country was the peacekeeper who died from?")).toBe("It does not name a country for this.");
  });

  it("a thing it never mentions", async () => {
    expect(await refusalReason("How many surveillance drones has MINUSMA got?")).toBe("It does not mention “drones”.");
    expect(await refusalReason("What was Mali's GDP growth last year?")).toMatch(/does not mention “GDP”/);
  });

  it("an amount of money asked ('how much will it cost'), where the report gives only a head count and a duration", async () => {
    expect(await refusalReason("How much will the G5 Sahel joint force cost?")).toBe("It gives no figure for this.");
  });

  it("the names of people it only counts ('the names of the 15 people arrested': 'Fifteen persons were arrested')", async () => {
    expect(frameOf(s, "What are the names of the 15 people arrested over the Macina violence?").answerType).toBe("person");
    expect(await refusalReason("What are the names of the 15 people arrested over the Macina violence?")).toBe("It does not name anyone for this.");
  });

  it("a person named beside a sentence, where the asked act is not ('Which individuals were put under sanctions?')", async () => {
    expect(await refusalReason("Which individuals has the Technical Commission on Security recommended be sanctioned, by name?")).toBe("It does not name anyone for this.");
  });

  it("a person named where only a weak link of the asked act is ('Head of MINUSMA' for 'chairing') did not do it; a nationality the report never gives is no country", async () => {
    expect(await refusalReason("What is the name of the person chairing that commission?")).toBe("It does not name anyone for this.");
    expect(await refusalReason("What was the nationality of the peacekeeper killed in the 3 May mortar attack on the MINUSMA camp in Timbuktu?")).toBe("It does not name a country for this.");
  });

  it("a yes/no question about an act the report says was only requested ('requested the Supreme Court to invalidate'); asking about the request itself is answered", async () => {
    expect(await refusalReason("Did the Supreme Court annul the decree appointing the new ministers?")).toBe("It says only that this was requested, not whether it was done.");
    const asked = await decisionFor(s, "Did the opposition ask the Supreme Court to invalidate the decree?");
    expect(asked.decision.kind).toBe("answer");
  });

  it("a headcount is a count: percentages of the staff deployed are no answer", async () => {
    expect(await refusalReason("What is the total headcount of MINUSMA civilian staff?")).toMatch(/^It gives no figure for/);
  });

  it("a person for an act the report says is still pending ('the appointment of an independent observer … still pending')", async () => {
    expect(await refusalReason("Who has been appointed as the independent observer of the peace agreement?")).toBe("It says this is still pending, and names no one.");
  });

  it("a count of victims where the figures near it count other things ('four security incidents involving … civilian personnel', 'One peacekeeper was killed')", async () => {
    expect(await refusalReason("What is the overall number of civilians killed in central Mali during this reporting period?")).toBe("It gives no figure for “civilians”.");
  });

  it("a day after the report's date, even where the month is named for another year ('8 June', not 'since June 2016')", async () => {
    expect(await refusalReason("How many blue helmets died in the 8 June attack on the Kidal camp?")).toMatch(/^It reports on events up to .*, so it says nothing about 8 June\.$/);
  });

  it("a budget asked where the report gives only a head count ('What's the budget for the G5 Sahel joint force?')", async () => {
    expect(await refusalReason("What's the budget for the G5 Sahel joint force?")).toMatch(/^It gives no figure for this/);
  });

  it("an event the question points back to in a place the report never names ('… at Gourma Rharous … that attack')", async () => {
    expect(await refusalReason("AFP reported five Malian soldiers killed in an attack on an army post at Gourma Rharous on 18 April. What toll does the UN report give for that attack?")).toMatch(/does not concern “Gourma”/);
  });

  it("a figure for a whole calendar year, where the report counts by mandate and reporting period", async () => {
    expect(await refusalReason("How many MINUSMA peacekeepers were killed in calendar year 2016?")).toBe("It gives figures for its mandate and reporting periods, not for calendar year 2016.");
  });

  it("a year it never covers", async () => {
    expect(await refusalReason("How many peacekeepers were killed in 2012?")).toMatch(/2012/);
  });

  it("an outcome after the report's date, even when the report states the plan", async () => {
    const reason = await refusalReason("Who won the July 2018 presidential election?");
    expect(reason).toContain("up to 20 May 2017");
    expect(reason).toContain("July 2018");
    expect(await refusalReason("Did the Security Council renew the mandate in June 2017?")).toContain("up to 20 May 2017");
  });

  it("a figure the report gives only for a group of places, asked for one of them", async () => {
    expect(await refusalReason("How many Malian refugees are in Mauritania?")).toMatch(/only for Burkina Faso, Mauritania, Niger together/);
  });

  it("a figure for a body the report gives none for", async () => {
    expect(await refusalReason("How many more attacks targeted MINUSMA than the G5 Sahel joint force?")).toMatch(/no figure for “attacks”/);
  });
});

describe("the report answers a paraphrase: answer, from the sentence that holds it", () => {
  it.each([
    ["How many blue helmets were hurt?", "p17#5"], // "peacekeepers … injured"
    ["How many kids were kidnapped in Alfao?", "p30#1"], // "10 girls"
    ["What were French military casualties in Mali since June 2016?", "p17#6"], // "Two French soldiers", a wording of the French forces
    ["When did the strike of university professors start?", "p14#1"],
    ["Why did the presence of State officials in the north decrease?", "p5#0"], // "primarily because of persistent insecurity"
    ["Which group claimed the attack of 15 April in the Ségou region?", "p19#4"],
    ["Is a presidential election scheduled for July 2018?", "p13#5"], // a plan the report states, after its date
    // The asked act's figure is in the sentence after the one naming the event (whose figures are for other acts).
    ["How many people were arrested over the February violence in Macina?", "p23#1"],
    // "troops" is WordNet's one-word name for "military personnel", the figure's noun; the best match says "ceiling" but gives no figure.
    ["What's MINUSMA's authorized troop ceiling?", "p41#0"],
    // An indicator stands in "the benchmark annex", though its text never says so.
    ["What percentage of the humanitarian response plan had been funded according to the benchmark annex?", "i3.1.2#0"],
  ])("%s -> %s", async (question, sentence) => {
    expect(await answeringSentence(question)).toBe(sentence);
  });

  it("'where?' is answered by the sentence beside the match that names the place ('one confirmed … case' / 'in Alfao, Timbuktu region')", async () => {
    expect(await answeringSentence("Where did the confirmed case of conflict-related sexual violence happen?")).toBe("p30#1");
  });

  it("the answering sentence holds something of the asked type", async () => {
    const when = await decisionFor(s, "When did the strike of university professors start?");
    expect(when.decision.kind === "answer" && when.decision.best.sentence.dates.length).toBeGreaterThan(0);
    const why = await decisionFor(s, "Why did the presence of State officials in the north decrease?");
    expect(why.decision.kind === "answer" && why.decision.best.sentence.hasCause).toBe(true);
  });
});

describe("operations: computed only on figures the report states for each operand", () => {
  it("a sum over a list of forces, for both periods a 'respectively' sentence gives ('this mandate vs last'); FAMa reads the Malian defence and security forces' figure", async () => {
    const a = await part("total attacks FAMa+MINUSMA+French, this mandate vs last?");
    expect(a.route).toBe("tool");
    expect(a.composed.tools?.map((t) => t.result)).toEqual([201, 165]);
    expect(a.composed.tools?.map((t) => t.input)).toEqual([
      { operation: "paragraphSum", paragraph: 17, figures: ["105", "76", "20"] },
      { operation: "paragraphSum", paragraph: 17, figures: ["84", "66", "15"] },
    ]);
    expect(a.composed.answer).toMatch(/^201 in all \(105 \+ 76 \+ 20 = 201\) in this period and 165 in all \(84 \+ 66 \+ 15 = 165\) in the previous one, from the figures in para\. 17/);
  });

  it("the group that did the asked act is the one a sentence pointing back to it names ('The attacks claimed by that group included: (a) …'), not a body the list item names", async () => {
    const first = frameOf(s, "How many Malian soldiers were killed in the 2 May ambush south of Nampala in the Ségou region?");
    const a = await answerOf(frameOf(s, "Which group claimed it?", { ...first, answeredWith: ["p18#2"] }));
    expect(a.composed.answer).toContain("Group for the Support of Islam and Muslims");
  });

  it("the period asked for favours the paragraph that speaks of it: para. 17 for 'the current mandate period', para. 48 for 'this reporting period'", async () => {
    // The same retrieved paragraphs, scored against the two frames: only the period differs.
    const units = await retrieveUnits(s.retriever, "peacekeepers killed", s.knowledge);
    const scoreOf = async (question: string, id: string) => scoreSentences(frameOf(s, question), units, s.knowledge).find((x) => x.sentence.id === id)?.score ?? 0;
    const mandate = "How many peacekeepers were killed during the current mandate period?";
    const reporting = "How many peacekeepers were killed during the current reporting period?";
    expect(await scoreOf(mandate, "p17#5")).toBeGreaterThan(await scoreOf(reporting, "p17#5"));
    expect(await scoreOf(reporting, "p48#1")).toBeGreaterThan(await scoreOf(mandate, "p48#1"));
  });

  it("a person's full name is written by the surname too ('President Ibrahim Boubacar Keita' is the 'President Keita' of para. 13)", async () => {
    const { decision } = await decisionFor(s, "Has President Ibrahim Boubacar Keita said whether he will run again in 2018?");
    expect(decision.kind === "answer" && decision.best.sentence.id).toBe("p13#5");
  });

  it("'how much … funded?' asks an amount or a share: a head count of something else ('1.36 million people targeted') is no answer, the 14 per cent beside it is", async () => {
    const { decision } = await decisionFor(s, "2017 HRP for Mali — how much funded as of late May?");
    expect(decision.kind === "answer" && decision.best.sentence.text).toContain("14 per cent");
  });

  it("the organisation that did the act is not one the question names ('who claimed it?' after the attack on the UN camp is not MINUSMA)", async () => {
    const first = { ...frameOf(s, "The UN camp in Timbuktu came under fire on 3 May. What kind of attack was it?"), answeredWith: ["p48#1"] };
    const a = await answerOf(frameOf(s, "who claimed it?", first));
    expect(a.composed.answer).toContain("Group for the Support of Islam and Muslims");
  });

  it("an act still pending whose doer is named ('pending investigation by the relevant troop-contributing countries') answers who does it", async () => {
    const { decision } = await decisionFor(s, "who's investigating the 2016 sexual abuse allegations?");
    expect(decision.kind === "answer" && decision.best.sentence.text).toContain("troop-contributing countries");
  });

  it("the host country names no agent: 'who leads the international mediation?' is the team 'led by Algeria', not a sentence about the Agreement … in Mali", async () => {
    const { decision } = await decisionFor(s, "who leads the international mediation?");
    expect(decision.kind === "answer" && decision.best.sentence.text).toContain("led by Algeria");
  });

  it("a follow-up's swapped change is computed on the new operand's figures ('and against the MDSF?': 84 -> 105)", async () => {
    const follow = frameOf(s, "and against the MDSF?", frameOf(s, "attacks on MINUSMA this mandate vs last, % change?"));
    const a = await answerOf(follow);
    expect(a.composed.tool?.input).toEqual({ operation: "paragraphPercentChange", paragraph: 17, from: "84", to: "105" });
    expect(a.composed.tool?.result).toBe(25);
  });

  it("a shortfall below a limit the question states is computed against that figure ('short of the 13,289 ceiling')", async () => {
    const a = await part("How many troops short of the 13,289 ceiling is MINUSMA?");
    expect(a.composed.tool?.input).toEqual({ operation: "paragraphDifference", paragraph: 41, a: "13,289", b: "10,919" });
    expect(a.composed.tool?.result).toBe(2370);
  });

  it("a limit written as a bound ('the force level of up to 13,289') is the ceiling a follow-up asks about, though the report does not call it one", async () => {
    const follow = frameOf(s, "How far short of the ceiling is that, in numbers?", frameOf(s, "How many military personnel had been deployed as at 26 May?"));
    const a = await answerOf(follow);
    expect(a.composed.tool?.input).toEqual({ operation: "paragraphDifference", paragraph: 41, a: "13,289", b: "10,919" });
  });

  it("a member of a wider body reads the whole's figure (the CMA and the Platform are the signatory armed groups); the counted noun ends the subject phrase", async () => {
    const a = await part("Signatory armed groups (CMA/Plateforme) fighters killed: how many more this mandate period than the previous one?");
    expect(a.composed.tool?.input).toEqual({ operation: "paragraphDifference", paragraph: 17, a: "78", b: "18" });
  });

  it("a terse share ('state officials at post in the north/centre, %?') is answered by the percentage of its most telling noun", async () => {
    const a = await part("state officials at post in the north/centre, %?");
    expect(a.composed.answered).toBe(true);
    expect(a.composed.answer).toContain("34 per cent of State officials");
  });

  it("a body asked after is counted by its members, and 'how much is that up …, in %?' computes its change ('How many FAMa / MDSF were killed …': 49 -> 131)", async () => {
    const f = frameOf(s, "How many FAMa / MDSF were killed in attacks since June 2016, and how much is that up on the previous mandate period, in %?");
    const second = f.parts[1]!;
    const a = await answerOf(second);
    expect(a.composed.tool?.input).toEqual({ operation: "paragraphPercentChange", paragraph: 17, from: "49", to: "131" });
  });

  it("a count on the day the question names comes from the sentence that gives that day ('as at 26 May, 10,919 personnel had been deployed')", async () => {
    expect(await answeringSentence("How many MINUSMA troops were on the ground as at 26 May?")).toBe("p41#1");
  });

  it("the overall change of a total made of parts goes through the tool as one percent change of sums (201 against 165)", async () => {
    const a = await part("total attacks on FAMa, MINUSMA and the French forces, % change vs the previous mandate period?");
    expect(a.composed.tool?.input).toEqual({ operation: "paragraphSumChange", paragraph: 17, from: ["84", "66", "15"], to: ["105", "76", "20"] });
    expect(a.composed.tool?.result).toBe(21.8);
  });

  it("'the UN force' and 'the UN camp' are MINUSMA's ('How many armoured personnel carriers is the UN force short of?')", async () => {
    const a = await part("How many armoured personnel carriers is the UN force short of?");
    expect(a.composed.answered).toBe(true);
    expect(a.composed.answer).toContain("88 armoured personnel carriers");
  });

  it("a count on a day Annex II is not dated ('as of 26 May', the table is as at 20 May) comes from the paragraph that gives that day", async () => {
    const a = await part("How many UN troops were actually deployed in Mali as of 26 May?");
    expect(a.route).not.toBe("tool");
    expect(a.composed.answer).toContain("10,919");
    expect(a.composed.answer).not.toContain("10,957");
    expect((await part("How many troops did MINUSMA have on 20 May?")).composed.answer).toContain("10,957");
  });

  it("'how much cash is that, in dollars?' after a stated share of an amount is that share of it ($41.0 million)", async () => {
    const first = frameOf(s, "What share of the $293 million humanitarian response plan had been received by 26 May?");
    const firstAnswer = await answerOf(first);
    expect(firstAnswer.composed.answer).toContain("only 14 per cent of the $293 million");
    const follow = frameOf(s, "Roughly how much cash is that, in millions of dollars?", { ...first, answeredWith: firstAnswer.composed.quoted ?? [] });
    const a = await answerOf(follow);
    expect(a.composed.tool?.input).toMatchObject({ operation: "paragraphPercentOf", paragraph: 38 });
    expect(a.composed.tool?.result).toBe(41);
  });

  it("a share on the day the question names, from the sentence that gives that day ('as at 26 May, only 14 per cent … had been received')", async () => {
    expect(await answeringSentence("What percentage of the Humanitarian Response Plan had been funded as at 26 May?")).toBe("p38#1");
  });

  it("a difference between two stated figures goes through the numeric tool, with each figure's paragraph", async () => {
    const a = await part("How many more attacks targeted MINUSMA than the French forces?");
    expect(a.route).toBe("tool");
    expect(a.composed.tool?.input).toEqual({ operation: "paragraphDifference", paragraph: 17, a: "76", b: "20" });
    expect(a.composed.tool?.result).toBe(56);
    expect(a.composed.tool?.operands).toEqual([
      expect.objectContaining({ source: "paragraph", paragraph: 17, figure: "76", value: 76 }),
      expect.objectContaining({ source: "paragraph", paragraph: 17, figure: "20", value: 20 }),
    ]);
  });

  it("figures in words are operands too ('Eight peacekeepers were killed and 64 injured')", async () => {
    const a = await part("How many more peacekeepers were injured than killed?");
    expect(a.composed.tool?.input).toEqual({ operation: "paragraphDifference", paragraph: 17, a: "64", b: "Eight" });
    expect(a.composed.tool?.result).toBe(56);
  });

  it("a percent change over time takes the earlier figure first", async () => {
    const a = await part("By what percentage did the number of internally displaced persons rise?");
    expect(a.composed.tool?.input).toEqual({ operation: "paragraphPercentChange", paragraph: 37, from: "45,800", to: "59,000" });
    expect(a.composed.tool?.result).toBe(28.8);
  });

  it("a change the report states is quoted, not recomputed", async () => {
    const schools = await part("By how many did the number of closed schools go up since the previous report?");
    expect(schools.composed.tool).toBeUndefined();
    expect(schools.composed.answered).toBe(true);
    expect(schools.composed.answer).toContain("an additional 65 schools have been closed");
    const percent = await part("By what percentage did attacks against the Malian defence and security forces in the Mopti and Ségou regions rise?");
    expect(percent.composed.tool).toBeUndefined();
    expect(percent.composed.answer).toContain("There has been a 42 per cent increase");
  });

  it("a part is never added to its own whole (413 officers, including 29 women)", async () => {
    const a = await part("How many police officers and women were trained in total?");
    expect(a.composed.tool).toBeUndefined();
    expect(a.composed.answer).not.toContain("442");
  });
});

describe("follow-ups: what the new question names decides", () => {
  const asked = async (questions: string[]) => {
    let previous;
    for (const q of questions.slice(0, -1)) {
      const { frame, decision } = await decisionFor(s, q, previous);
      previous = { ...frame, answeredWith: decision.kind === "answer" ? [decision.best.sentence.id] : [] };
    }
    return decisionFor(s, questions.at(-1)!, previous);
  };

  it("'Why the drop?' after casualty figures: the cause given for the decrease, not a cause of anything carried over", async () => {
    const { frame, decision } = await asked(["How many peacekeepers were killed and injured since June 2016?", "why the drop?"]);
    expect(frame.answerType).toBe("reason");
    expect(decision.kind === "answer" && decision.best.sentence.text).toMatch(/contributed to a decrease in casualties among peacekeepers/);
  });

  it("'And refugees in neighbouring countries?' after IDPs counts refugees, in the sentence whose figure counts them", async () => {
    const { frame, decision } = await asked(["how many IDPs now?", "and refugees in neighbouring countries?"]);
    expect(frame.asked).toBe("refugees");
    expect(decision.kind === "answer" && decision.best.sentence.id).toBe("p37#1");
  });
});

describe("Annex I counts say which indicators they are", () => {
  it("a count of a few indicators names each with its text (1.2.3, the regional tax system)", async () => {
    const { composed, route } = await part("How many benchmark indicators are marked as not implemented?");
    expect(route).toBe("tool");
    expect(composed.answer).toMatch(/^1 indicator is not implemented \(of 31 in Annex I\): 1\.2\.3 \(“Every region is responsible for establishing and implementing a tax system/);
  });

  it("many indicators are listed by number only", async () => {
    const { composed } = await part("Which benchmark indicators are ongoing?");
    expect(composed.answer).not.toContain("“");
  });
});

describe("superlatives", () => {
  it("the frame marks a question for an extreme ('hit hardest', 'the biggest'), not a word that merely ends in -est", () => {
    expect(frameOf(s, "Which region was hit hardest?").superlative).toBe(true);
    expect(frameOf(s, "Which is the biggest contingent?").superlative).toBe(true);
    expect(frameOf(s, "What did the Government request in the west?").superlative).toBe(false);
  });

  it("'Which region was hit hardest?' after the closed schools: the sentence that singles one region out", async () => {
    const previous = { ...frameOf(s, "How many schools are currently closed in the Gao, Ménaka, Mopti, Ségou and Timbuktu regions?"), answeredWith: ["p35#0"] };
    const frame = understand("Which region was hit hardest?", previous, s.knowledge, { assumeFollowUp: true });
    const decision = decide(frame, await evidenceFor(s, frame), s.knowledge);
    expect(decision.kind === "answer" && decision.best.sentence.text).toBe("The Mopti region has been particularly affected, with 266 schools closed.");
  });
});
