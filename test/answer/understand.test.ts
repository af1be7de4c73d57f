// The understand stage on its own: the question frame built from a question (and the previous turn's
// frame) against the real report's knowledge. Nothing is retrieved here.
import { beforeAll, describe, expect, it } from "vitest";
import { QuestionFrameSchema, type QuestionFrame, type SubjectItem } from "../../src/answer/understand/frame.js";
import { readFrame } from "../../src/answer/understand/understand.js";
import { terms } from "../../src/report/terms.js";
import { frameOf, reportStages, type ReportStages } from "../helpers/report-stages.js";

let s: ReportStages;
beforeAll(async () => {
  s = await reportStages();
}, 300_000);

const frame = (question: string, previous?: QuestionFrame) => frameOf(s, question, previous);
const item = (f: QuestionFrame, text: string): SubjectItem => {
  const found = f.subject.find((x) => x.text.toLowerCase() === text.toLowerCase());
  if (!found) throw new Error(`no subject item “${text}” in ${f.subject.map((x) => x.text).join(", ")}`);
  return found;
};
/** The item may be found as this report wording (its terms, in order). */
const wordings = (i: SubjectItem) => i.alternatives.map((a) => a.terms.join(" "));
const wording = (text: string) => terms(text).join(" ");

describe("answer type, from the question's form", () => {
  it.each([
    ["How many schools were shut in the Mopti region?", "number"],
    ["When was the supply route through Cotonou first tried out?", "date"],
    ["Who heads MINUSMA?", "person"],
    ["Which armed group claimed the mortar attack on the Timbuktu camp?", "organisation"],
    ["Where was the gendarmerie post attacked on 28 March?", "place"],
    ["Why did the presence of State officials decrease?", "reason"],
    ["Has the Constitution been revised yet?", "yesno"],
    ["How did MINUSMA support the conference?", "manner"],
    ["List the capability gaps of the Mission.", "list"],
    // A "who" after the wh-phrase is a relative pronoun; a past verb after its noun ends the phrase.
    ["Which country was the peacekeeper who died from?", "place"],
    ["Which countries pledged troops at the force generation conference?", "place"],
    // An attribute's noun says what kind of answer; "what's" is two tokens.
    ["What was the nationality of the peacekeeper killed in Timbuktu?", "place"],
    ["What is the head of the special commission called?", "person"],
    ["What's the name of the person chairing that commission?", "person"],
    ["What is the state of the peace process?", "description"],
  ] as const)("%s -> %s", (question, type) => {
    expect(frame(question).answerType).toBe(type);
  });

  it("'what is the overall number of X' asks for a number of X, not of 'overall'; 'what is the troop ceiling' measures troops", () => {
    const f = frame("What is the overall number of civilians killed in central Mali during this reporting period?");
    expect(f.answerType).toBe("number");
    expect(f.asked).toBe("civilians");
    expect(frame("What is MINUSMA's troop ceiling?").asked).toBe("troop");
  });

  it("a bare noun phrase for a question takes its kind from its noun ('Nationality of the peacekeeper …?' asks a place)", () => {
    expect(frame("Nationality of the peacekeeper killed in the 3 May mortar attack on the Timbuktu camp?").answerType).toBe("place");
  });

  it("note-taking shorthand is read out ('ops' are operations) and an unknown short form finds the phrase it spells ('MMVT')", () => {
    expect(frame("How many ops did MINUSMA carry out this period?").asked).toBe("operations");
    expect(wordings(item(frame("Which groups did the MMVT find violated the ceasefire?"), "MMVT"))).toContain(wording("mixed monitoring and verification team"));
  });

  it("keeps the noun a 'how many' question counts, and reads a polite request through", () => {
    expect(frame("How many schools were shut in the Mopti region?").asked).toBe("schools");
    const request = frame("Could the Secretariat indicate how many prison guards were trained?");
    expect(request.answerType).toBe("number");
    expect(request.asked).toBe("prison guards");
    expect(request.subject.map((x) => x.text)).not.toContain("Secretariat");
  });
});

describe("subject: UN shorthand and named entities expand through the glossary", () => {
  it.each([
    ["What did the FAMa do together with the French forces?", "FAMa", "Malian armed forces"],
    ["How many MDSF members were wounded since June 2016?", "MDSF", "Malian defence and security forces"],
    ["What does UNPOL still need in equipment?", "UNPOL", "United Nations police"],
    ["How many blue helmets lost their lives?", "blue helmets", "peacekeepers"],
    ["How much of the HRP had been received by late May?", "HRP", "Humanitarian Response Plan"],
  ])("%s: %s may be found as “%s”", (question, shorthand, reportWording) => {
    const f = frame(question);
    const entity = item(f, shorthand);
    expect(entity.kind).toBe("entity");
    expect(wordings(entity)).toContain(wording(reportWording));
    // The report uses the long form, so the item is known and weighs in retrieval.
    expect(entity.unknown).toBe(false);
  });

  it("marks a sex or force component as a qualifier, not a subject of its own", () => {
    expect(item(frame("How many blue helmets lost their lives?"), "blue helmets").qualifier).toBe(true);
    expect(item(frame("How many female police officers had been deployed?"), "female").qualifier).toBe(true);
    expect(item(frame("What did the FAMa do together with the French forces?"), "FAMa").qualifier).toBe(false);
  });

  it("a named body the report never mentions is unknown and required (the DSRSG)", () => {
    const dsrsg = item(frame("Who is the DSRSG in Mali?"), "DSRSG");
    expect(dsrsg.entityKind).toBe("role");
    expect(wordings(dsrsg)).toContain(wording("Deputy Special Representative of the Secretary-General"));
    expect(dsrsg.unknown).toBe(true);
    expect(dsrsg.required).toBe(true);
  });

  it("a proper noun no dictionary knows is a name the answer must concern", () => {
    const f = frame("What happened in Almoustarat on 7 May?");
    const place = item(f, "Almoustarat");
    expect(place.entityKind).toBe("name");
    expect(place.required).toBe(true);
    // The date qualifies the question; it is not part of what it is about.
    expect(f.subject.map((x) => x.text)).not.toContain("May");
  });

  it("two words that together mean a report word become one phrase item (“lost … lives” ~ killed)", () => {
    const phrase = item(frame("How many blue helmets lost their lives?"), "lost … lives");
    expect(phrase.kind).toBe("phrase");
    expect(phrase.alternatives.some((a) => a.terms.join(" ") === "kill")).toBe(true);
  });
});

describe("operation: only when the question asks for a computation", () => {
  it("'how many more … than …' is a difference of two operands, each with its own named thing", () => {
    const op = frame("How many more attacks targeted MINUSMA than the French forces?").operation;
    expect(op?.kind).toBe("difference");
    expect(op?.operands).toHaveLength(2);
    expect(op?.operands[0]!.items.map((i) => i.text)).toContain("MINUSMA");
    expect(op?.operands[1]!.items.map((i) => i.text)).toContain("French forces");
    // Both count attacks: the second operand borrows the first one's noun.
    expect(op?.operands.map((o) => o.head)).toEqual(["attacks", "attacks"]);
  });

  it("'… combined' is a sum; 'what share of' is a share; 'by what percentage did … rise' a percent change over time", () => {
    expect(frame("How many attacks hit MINUSMA and the French forces combined?").operation?.kind).toBe("sum");
    expect(frame("What share of the police ceiling had been deployed?").operation?.kind).toBe("share");
    const pc = frame("By what percentage did the number of internally displaced persons rise?").operation;
    expect(pc?.kind).toBe("percentChange");
    expect(pc?.operands.map((o) => o.period)).toEqual(["previous", "current"]);
  });

  it("'what proportion of B is accounted for by A': A is the part, B the whole", () => {
    const op = frame("What proportion of all outstanding contributions for peacekeeping is accounted for by the arrears of MINUSMA?").operation;
    expect(op?.kind).toBe("share");
    expect(op?.operands.map((o) => o.text)).toEqual(["the arrears of MINUSMA", "of all outstanding contributions for peacekeeping"]);
  });

  it.each([
    "Attacks on MINUSMA vs the French forces?",
    "Killed versus injured peacekeepers this period?",
    "The security situation remained volatile where?",
    "Did the presence of State officials in the north remain stable?",
    "Has humanitarian funding remained inadequate compared with needs?",
  ])("no operation from comparison or 'remained' words alone: %s", (question) => {
    expect(frame(question).operation).toBeUndefined();
  });

  it("how the result is to be stated or found ('Using the Annex II table', 'exact', 'to one decimal') is no subject", () => {
    const f = frame("Using the Annex II table, what's the exact share of women in the military component, to one decimal?");
    expect(f.subject.map((x) => x.text)).toEqual(["women", "military component"]);
    expect(f.table?.annex).toBe("II");
  });

  it("terse shares and changes: 'women %?' and '% women' are shares, 'vs last mandate %?' a percent change, '30% quota' neither", () => {
    expect(frame("charter commission: women %?").operation?.kind).toBe("share");
    expect(frame("new cabinet: % women vs the 30% quota?").operation?.kind).toBe("share");
    expect(frame("attacks on MINUSMA vs last mandate %?").operation?.kind).toBe("percentChange");
    expect(frame("Was the 30% quota met?").operation).toBeUndefined();
  });

  it("a percent change of a whole made of parts ('the overall % increase across all three forces') is marked so; a plain one is not", () => {
    expect(frame("105 + 76 + 20 attacks this time vs 84 + 66 + 15 last mandate — what's the overall % increase across all three forces?").operation?.ofSums).toBe(true);
    expect(frame("attacks on MINUSMA this mandate vs last, % change?").operation?.ofSums).toBeUndefined();
    const f = frame("Total attacks on MDSF, blue helmets and French troops combined this mandate period — and % rise vs last period?");
    expect(f.parts.map((p) => p.operation?.kind)).toEqual(["sum", "percentChange"]);
    expect(f.parts[1]!.operation?.ofSums).toBe(true);
  });

  it("the report's publisher is no subject ('according to the UN report'); a place the question points back to stays required, a source does not", () => {
    expect(frame("How many children are out of school, according to the UN report?").subject.map((x) => x.text)).not.toContain("UN");
    const f = frame("AFP reported five soldiers killed in an attack at Gourma Rharous on 18 April. What toll does the report give for that attack?");
    expect(f.subject.find((x) => x.text === "Gourma")?.required).toBe(true);
    expect(f.subject.find((x) => x.text === "AFP")?.required).toBeFalsy();
  });

  it("a statement's words the report never uses ('Reuters', 'spike') weigh nothing; its words the report uses still count", () => {
    const f = frame("Reuters reported a spike in militant violence in Mali over the past year. How many attacks have been carried out against MINUSMA since June 2016?");
    expect(item(f, "Reuters")).toMatchObject({ carried: true, unknown: true, weight: 0 });
    expect(item(f, "spike").weight).toBe(0);
    expect(item(f, "violence")).toMatchObject({ carried: true, unknown: false });
    expect(item(f, "violence").weight).toBeGreaterThan(0);
    // The question's own unknown words are not discounted so.
    expect(item(frame("How many attacks have jihadists carried out against MINUSMA since June 2016?"), "jihadists").weight).toBeGreaterThan(0);
  });

  it("a capital that opens a sentence makes no name ('Add it up: …'), nor does a verb the report only writes capitalised ('Add.1')", () => {
    const f = frame("Add it up: how many attacks in total did militants launch on Malian, French and UN forces since June 2016?");
    expect(item(f, "Add").entityKind).toBeUndefined();
    expect(item(frame("Bamako saw protests. How many civilians were killed in Bamako?"), "Bamako").entityKind).toBe("name");
  });

  it("an operand counts the first noun the question says, a glossary term after it being what the noun is of ('security incidents against humanitarian actors': incidents)", () => {
    expect(frame("How much did security incidents against humanitarian actors rise in percentage terms?").operation?.operands[0]?.head).toBe("incidents");
  });

  it("a period names which of the report's periods it is: 'the current mandate period', 'this reporting period'", () => {
    expect(frame("How many blue helmets were killed during the current mandate period?").times).toContainEqual(expect.objectContaining({ period: "current", span: "mandate" }));
    expect(frame("and deaths in this reporting period alone?").times).toContainEqual(expect.objectContaining({ period: "current", span: "reporting" }));
    expect(frame("How many were killed last period?").times[0]?.span).toBeUndefined();
  });

  it("'what share of …, in per cent?' is a share ('in per cent' says how it is stated); 'how much did … rise, in per cent?' a change", () => {
    expect(frame("What share of the 4,872 schools in the Gao, Ménaka, Mopti, Ségou and Timbuktu regions is closed, in per cent?").operation?.kind).toBe("share");
    expect(frame("How much did attacks against MINUSMA rise, in per cent?").operation?.kind).toBe("percentChange");
  });

  it("an 'and' inside a name joins no operands of a sum ('the Malian defence and security forces, MINUSMA and the French forces')", () => {
    const f = frame("Adding up attacks on the Malian defence and security forces, MINUSMA and the French forces since June 2016, what is the total?");
    expect(f.operation).toMatchObject({ kind: "sum", operands: [] });
  });

  it("in terse shorthand the noun right before 'vs' is what is compared ('HR violations …: cases vs previous period' counts cases)", () => {
    expect(frame("HR violations and abuses documented by MINUSMA: cases vs previous period, % decrease?").operation?.operands[0]?.head).toBe("cases");
  });

  it("a source cited at the end of a clause is no subject ('…, per the UN?'); the UN, of which the mission is part, is not a name an answer must concern", () => {
    expect(frame("How many civilians were killed in Macina on 11-12 February, per the UN?").subject.map((x) => x.text)).not.toContain("UN");
    expect(item(frame("Any new sexual exploitation and abuse allegations against UN personnel in Mali?"), "UN").required).toBe(false);
  });

  it("a pronoun takes the country of the statement before it ('Burkina Faso is a big troop contributor. How many … did it have …?')", () => {
    expect(frame("Burkina Faso is a big troop contributor. How many military personnel did it have in MINUSMA according to the annex table?").table).toMatchObject({ annex: "II", countries: [{ row: "Burkina Faso" }] });
  });

  it("a name inside a modifier ('the al Qaeda-linked alliance', 'the Tuareg-led coalition') need not be in the answer", () => {
    expect(item(frame("Who leads the al Qaeda-linked jihadist alliance?"), "Qaeda").required).toBe(false);
    expect(item(frame("How many soldiers were killed in Qaeda?"), "Qaeda").required).toBe(true);
  });

  it("a question that points at the strength table asks it, whatever else it says ('G5 Sahel neighbours …, in Annex II'); a sex or a country named twice is one", () => {
    const sum = frame("G5 Sahel neighbours in the UN force: add up the MINUSMA military personnel from Chad, Niger and Burkina Faso in Annex II. Total?");
    expect(sum.table?.annex).toBe("II");
    expect(sum.table?.countries.map((c) => c.row)).toEqual(["Chad", "Niger", "Burkina Faso"]);
    expect(frame("Women cops: how many women are in MINUSMA's police component in total, per Annex II?").table).toMatchObject({ sexes: ["women"], sex: "women" });
    expect(frame("Germany's Bundeswehr contingent: how many German military personnel does Annex II list?").table?.countries).toHaveLength(1);
    // Without the pointer, a subject outside the table's vocabulary is a question about something else.
    expect(frame("How many Chadian soldiers were killed near Aguelhok?").table).toBeUndefined();
  });

  it("'that region' is the place of that kind the previous answer named ('The Mopti region has been particularly affected')", () => {
    const previous = { ...frame("Which region has the most schools closed?"), answeredWith: ["p35#0", "p35#1"] };
    const f = frame("What share of the closed schools is in that region?", previous);
    expect(item(f, "Mopti")).toMatchObject({ required: true, carried: false });
    // Without a previous answer naming one, nothing is added.
    expect(frame("What share of the closed schools is in that region?").subject.map((x) => x.text)).not.toContain("Mopti");
  });

  it("'how many more … would MINUSMA need to reach its ceiling' asks a shortfall", () => {
    expect(frame("How many more police personnel would MINUSMA need to reach its authorized ceiling?").operation).toMatchObject({ kind: "difference", shortfall: true });
  });

  it("'how much is that up on …, in %?' is a percent change; 'what share …, in %?' stays a share", () => {
    expect(frame("how much is that up on the previous mandate period, in %?").operation?.kind).toBe("percentChange");
    expect(frame("what share of the military personnel are women, in %?").operation?.kind).toBe("share");
  });

  it("words that only state the operation leave the subject ('how many more', 'than')", () => {
    const texts = frame("How many more attacks targeted MINUSMA than the French forces?").subject.map((x) => x.text.toLowerCase());
    expect(texts).not.toContain("more");
    expect(texts).not.toContain("than");
  });
});

describe("time", () => {
  it("reads months with their relation, in the report's year unless one is written", () => {
    const [since] = frame("How many attacks against MINUSMA since June 2016?").times;
    expect(since).toMatchObject({ relation: "since", year: 2016, explicitYear: true, month: 2016 * 12 + 5 });
    const [on] = frame("Where was the gendarmerie post attacked on 28 March?").times;
    expect(on).toMatchObject({ relation: "in", year: 2017, explicitYear: false, month: 2017 * 12 + 2 });
  });

  it("'the previous mandate period' and 'this reporting period' name the comparison's periods", () => {
    expect(frame("total attacks on MINUSMA, this mandate vs last?").times.map((t) => t.period).sort()).toEqual(["current", "previous"]);
    expect(frame("How did the last attack on Kidal unfold?").times.map((t) => t.period)).toEqual([]);
    expect(frame("How many peacekeepers were killed in the previous mandate period?").times.map((t) => t.period)).toEqual(["previous"]);
    expect(frame("How many peacekeepers were killed during this reporting period?").times.map((t) => t.period)).toEqual(["current"]);
  });

  it("marks the years after the report's date, but not a 'before' bound", () => {
    expect(frame("How many attacks were there in 2019?").afterReport).toEqual(["in 2019"]);
    expect(frame("What is planned for July 2018?").afterReport).toEqual(["July 2018"]);
    expect(frame("How many people were arrested before 2018?").afterReport).toEqual([]);
    expect(frame("What happened in March 2017?").afterReport).toEqual([]);
  });

  it("'in calendar year 2016' and 'throughout 2016' ask for the whole year; 'in 2016' does not say so", () => {
    expect(frame("How many peacekeepers were killed in calendar year 2016?").times).toEqual([expect.objectContaining({ text: "in calendar year 2016", year: 2016, wholeYear: true })]);
    expect(frame("How many attacks were there throughout 2016?").times[0]?.wholeYear).toBe(true);
    expect(frame("How many attacks were there in 2016?").times[0]?.wholeYear).toBeUndefined();
  });

  it("a budget period '2017/18' names both years; the verb 'May' is no month", () => {
    expect(frame("What is the budget for 2017/18?").times.map((t) => t.year)).toEqual([2017, 2018]);
    expect(frame("May I ask how many schools were closed?").times).toEqual([]);
  });
});

describe("multi-part questions", () => {
  it("splits at a second question after 'and', and each part has its own type", () => {
    const f = frame("How many Malian police officers did MINUSMA train, and where did the training take place?");
    expect(f.parts.map((p) => p.question)).toEqual(["How many Malian police officers did MINUSMA train", "where did the training take place?"]);
    expect(f.parts.map((p) => p.answerType)).toEqual(["number", "place"]);
  });

  it("one change asked in two forms ('in absolute and in percentage terms') is a difference and a percent change", () => {
    const f = frame("By how much did the number of Malian refugees in neighbouring countries rise during the period, in absolute and in percentage terms?");
    expect(f.parts.map((p) => p.operation?.kind)).toEqual(["difference", "percentChange"]);
    expect(frame("By how much did the number of IDPs grow, in people and in per cent?").parts.map((p) => p.operation?.kind)).toEqual(["difference", "percentChange"]);
  });

  it("'How many A and how many B did X do?': the first part shares the clause the last ends with", () => {
    const f = frame("How many operations and how many medium- and long-range patrols did MINUSMA conduct during the reporting period?");
    expect(f.parts.map((p) => p.question)).toEqual([
      "How many operations did MINUSMA conduct during the reporting period?",
      "how many medium- and long-range patrols did MINUSMA conduct during the reporting period?",
    ]);
  });

  it("'What about the French?' before a question is its opener, not a part of its own", () => {
    expect(frame("What about the French? How many of their soldiers were killed and wounded?").parts).toEqual([]);
  });

  it("splits at a semicolon", () => {
    const f = frame("How many military helicopters are usable; how many armoured personnel carriers is the Mission short of?");
    expect(f.parts).toHaveLength(2);
    expect(f.parts[1]!.operation?.shortfall).toBe(true);
  });

  it("'… combined — and the same for the previous period?' is a second part that keeps the first part's sum", () => {
    const f = frame("Total attacks on FAMa, MINUSMA and the French since June 2016, combined — and the same total for the previous mandate period?");
    expect(f.parts).toHaveLength(2);
    expect(f.parts.map((p) => p.operation?.kind)).toEqual(["sum", "sum"]);
    expect(f.parts[1]!.times.map((t) => t.period)).toContain("previous");
    // A statement before a dash is still context, not a part.
    expect(frame("Attacks on peacekeepers fell sharply this year — how many were killed?").parts).toEqual([]);
  });

  it("'killed and injured' is one question, not two", () => {
    expect(frame("How many civilians were killed and injured in Macina?").parts).toEqual([]);
  });

  it("a later part leans on the first ('how many of them were women')", () => {
    const f = frame("How many Malian police officers did MINUSMA train, and how many of them were women?");
    expect(f.parts).toHaveLength(2);
    const second = f.parts[1]!;
    expect(second.subject.some((x) => x.carried && x.text === "police officers")).toBe(true);
  });
});

describe("follow-ups carry the previous subject and mark its evidence", () => {
  const previousQuestion = "What assistance did the Government request from MINUSMA on 3 April?";
  const previous = () => ({ ...frame(previousQuestion), answeredWith: ["p6#1"] });

  it("'and against the MDSF?' after a change over time asks the same change of what it names now", () => {
    const first = frame("attacks on MINUSMA this mandate vs last, % change?");
    expect(first.operation?.kind).toBe("percentChange");
    const next = frame("and against the MDSF?", first);
    expect(next.operation?.kind).toBe("percentChange");
    expect(next.operation?.operands.map((o) => o.period)).toEqual(["previous", "current"]);
    const items = next.operation!.operands[0]!.items.map((i) => i.text);
    expect(items).toContain("MDSF");
    expect(items).not.toContain("MINUSMA");
    // A follow-up that asks something else keeps no computation.
    expect(frame("why?", first).operation).toBeUndefined();
  });

  it("a new noun counted in a follow-up replaces the one counted before ('and injuries …?' after fatalities); a place asked keeps it", () => {
    const first = frame("Peacekeeper fatalities since June 2016 vs the previous mandate period — by what % did they drop?");
    const injuries = frame("and injuries among peacekeepers, % drop?", first).subject.map((x) => x.text);
    expect(injuries).toEqual(expect.arrayContaining(["injuries", "peacekeepers"]));
    expect(injuries).not.toContain("fatalities");
    // A body counted before stays: "and injuries?" after "how many blue helmets were killed?" is about blue helmets.
    const helmets = frame("How many blue helmets were killed over the mandate period, compared with the one before?");
    expect(frame("and injuries, now vs then?", helmets).subject.some((x) => x.carried && x.text === "blue helmets")).toBe(true);
    const schools = frame("How many schools are shut because of insecurity?");
    expect(frame("which region is worst hit?", schools).subject.some((x) => x.carried && x.text === "schools")).toBe(true);
  });

  it("'And what did the Government do afterwards?' asks what came next, about the same things", () => {
    const prev = previous();
    const f = frame("And what did the Government do afterwards?", prev);
    expect(f.followUp).toEqual({ kind: "next", previousEvidence: ["p6#1"] });
    const carried = f.subject.filter((x) => x.carried).map((x) => x.text);
    expect(carried).toEqual(expect.arrayContaining(["assistance", "request"]));
    // Carried items weigh less than the question's own.
    expect(item({ ...f, subject: f.subject.filter((x) => x.carried) }, "request").weight).toBeLessThan(item(prev, "request").weight);
    expect(f.retrievalText).toMatch(/assistance/);
    expect(f.times.map((t) => t.text)).toEqual(["on 3 April"]);
  });

  it("'and then?' asks what came next; 'now vs then' compares with the earlier time and asks the same kind of thing", () => {
    expect(frame("And then?", previous()).followUp?.kind).toBe("next");
    const f = frame("and injuries, now vs then?", { ...frame("How many blue helmets were killed over the mandate period, compared with the one before?"), answeredWith: ["p17#5"] });
    expect(f.followUp?.kind).toBe("ellipsis");
    expect(f.answerType).toBe("number");
  });

  it("a possessive in a short, thin question points back ('when's their draft due?'); in a long one it is an idiom", () => {
    const commission = { ...frame("how many members on the charter commission?"), answeredWith: ["p2#6"] };
    expect(frame("when's their draft due?", commission).followUp?.kind).toBe("pronoun");
    expect(frame("How many soldiers lost their lives in the Almoustarat attack?", commission).followUp).toBeUndefined();
  });

  it("'Why?' asks the reason for what was just said, all of it carried", () => {
    const f = frame("Why?", previous());
    expect(f.followUp).toEqual({ kind: "why", previousEvidence: ["p6#1"] });
    expect(f.answerType).toBe("reason");
    expect(f.subject.length).toBeGreaterThan(0);
    expect(f.subject.every((x) => x.carried)).toBe(true);
  });

  it("'What about the French forces?' swaps the organisation and keeps the rest", () => {
    const prev = { ...frame("How many attacks were carried out against MINUSMA?"), answeredWith: ["p17#0"] };
    const f = frame("What about the French forces?", prev);
    expect(f.followUp?.kind).toBe("swap");
    expect(f.subject.map((x) => x.text)).toContain("French forces");
    expect(f.subject.map((x) => x.text)).not.toContain("MINUSMA");
    expect(f.subject.some((x) => x.carried && x.text === "attacks")).toBe(true);
    expect(f.answerType).toBe("number");
  });

  it("'which region is hit hardest?' after a count leans on it: an extreme of what was just asked, the extreme itself no subject", () => {
    const f = frame("which region is hit hardest?", { ...frame("how many schools are closed now?"), answeredWith: ["p35#0"] });
    expect(f.followUp?.kind).toBe("ellipsis");
    expect(f.superlative).toBe(true);
    expect(f.subject.map((x) => x.text)).not.toContain("hardest");
    expect(f.subject.filter((x) => x.carried).map((x) => x.text)).toContain("schools");
  });

  it("a full question of its own after another is no follow-up", () => {
    const f = frame("How many schools were closed in the Mopti region?", previous());
    expect(f.followUp).toBeUndefined();
    expect(f.subject.some((x) => x.carried)).toBe(false);
  });
});

describe("the frame is validated with zod", () => {
  it("every frame understand makes passes the schema, and survives storage as JSON", () => {
    const prev = { ...frame("What assistance did the Government request from MINUSMA on 3 April?"), answeredWith: ["p6#1"] };
    const frames = [
      prev,
      frame("And what did the Government do afterwards?", prev),
      frame("How many Malian police officers did MINUSMA train, and where did the training take place?"),
      frame("How many more attacks targeted MINUSMA than the French forces?"),
      frame("What is the total strength of Senegalese police?"),
    ];
    for (const f of frames) {
      expect(QuestionFrameSchema.safeParse(f).success).toBe(true);
      expect(readFrame(JSON.parse(JSON.stringify(f)))).toEqual(f);
    }
  });

  it("a stored frame that does not fit the schema is ignored, not trusted", () => {
    const good = frame("How many schools were closed in the Mopti region?");
    expect(readFrame({ ...good, answerType: "colour" })).toBeUndefined();
    expect(readFrame({ ...good, subject: [{ ...good.subject[0]!, weight: -1 }] })).toBeUndefined();
    expect(readFrame({ ...good, retrievalText: undefined })).toBeUndefined();
    expect(readFrame("not a frame")).toBeUndefined();
    expect(readFrame(undefined)).toBeUndefined();
  });
});

describe("the benchmarks table: counts of its indicators, or what an indicator says", () => {
  it.each([
    ["How many progress indicators does the benchmark annex track in total?", "I"],
    ["How many benchmark indicators are ongoing?", "I"],
    ["What is the status of indicator 2.3.3?", "I"],
  ] as const)("%s -> a table question on Annex %s", (question, annex) => {
    expect(frame(question).table?.annex).toBe(annex);
  });

  it.each([
    "What percentage of the humanitarian response plan had been funded according to the benchmark annex?",
    // The context before the question names what the indicator says.
    "The benchmark annex gives a different funding figure for the humanitarian response plan than the body of the report. What percentage does the annex give?",
  ])("%s -> the indicators' text, through retrieval", (question) => {
    expect(frame(question).table).toBeUndefined();
  });
});

describe("question forms after a fronted phrase, and a table follow-up asking the whole", () => {
  it("'how big a force' measures the force: no noun a figure must count", () => {
    const f = frame("How big a force did the African Union authorize for the joint force?");
    expect(f.answerType).toBe("number");
    expect(f.asked).toBeUndefined();
    expect(frame("How many schools were shut in the Mopti region?").asked).toBe("schools");
  });

  it("'What's MINUSMA's authorized troop ceiling?' asks a figure of the troops: a measure after a possessor and its participle", () => {
    const f = frame("What's MINUSMA's authorized troop ceiling?");
    expect(f.answerType).toBe("number");
    expect(f.asked).toBe("authorized troop");
  });

  it("'what percentage of its members' measures the members: a possessive opens the phrase like 'the'", () => {
    expect(frame("What percentage of its members is that?").asked).toBe("members");
  });

  it("'Among Togo's police, do women outnumber men?' is a yes/no question", () => {
    expect(frame("Among Togo's individual police officers, do women outnumber men?").answerType).toBe("yesno");
    expect(frame("In Kidal, were peacekeepers killed?").answerType).toBe("yesno");
  });

  it("'so in total?' after one component's strength asks every uniformed component, with nothing left to add", () => {
    const military = frame("How many military personnel did MINUSMA have as at 20 May 2017?");
    const police = frame("and police?", military);
    expect(police.table?.components).toEqual(["totalPolice"]);
    const total = frame("so in total?", police);
    expect(total.table?.components).toEqual(["uniformed"]);
    expect(total.operation).toBeUndefined();
  });
});

describe("a follow-up swapping the force component", () => {
  it("'what about police?' after a paragraph's figures for the troops stays with the paragraphs and counts the police", () => {
    const troops = { ...frame("How many troops has MINUSMA deployed against its authorized strength?"), answeredWith: ["p41#1"] };
    const police = frame("what about police?", troops);
    expect(police.table).toBeUndefined();
    expect(police.asked).toBe("police");
    expect(police.subject.map((x) => x.text)).not.toContain("troops");
    expect(police.subject.filter((x) => x.carried).map((x) => x.text)).toContain("deployed");
  });

  it("after a table answer it stays with the table", () => {
    const troops = { ...frame("How many military personnel did MINUSMA have as at 20 May 2017?"), answeredWith: [] };
    expect(frame("and police?", troops).table?.annex).toBe("II");
  });
});
