// Paraphrased staff questions with the units that answer them (any listed ref counts as a hit).
// Written by reading S/2017/478; worded the way staff ask, not the way the report says it.

export interface GoldenQuestion {
  question: string;
  targets: string[];
}

export const GOLDEN_QUESTIONS: GoldenQuestion[] = [
  { question: "How is the new supply route through Niamey going?", targets: ["para. 47"] },
  { question: "How many peacekeepers were hurt in attacks this mandate period?", targets: ["para. 17"] },
  { question: "How much of the humanitarian appeal has actually been funded so far?", targets: ["para. 38"] },
  { question: "How many schools have shut down because of the violence?", targets: ["para. 35"] },
  { question: "What budget is being proposed to run the mission next year?", targets: ["para. 51"] },
  { question: "How much money do Member States still owe the mission?", targets: ["para. 52"] },
  { question: "Up to what date have countries been paid back for their troops?", targets: ["para. 53"] },
  { question: "How many armoured vehicles is the force short of?", targets: ["para. 42", "para. 72"] },
  { question: "Who was appointed the new head of government?", targets: ["para. 11"] },
  { question: "What came out of the national harmony conference in Bamako?", targets: ["para. 2", "para. 58"] },
  { question: "How many women sit on the commission writing the charter?", targets: ["para. 2"] },
  { question: "When were the joint patrols in Kidal and Timbuktu meant to begin?", targets: ["para. 3", "para. 4"] },
  { question: "What share of government officials are back at their posts in the north?", targets: ["para. 5"] },
  { question: "How many fighters from the Operational Coordination Mechanism in Gao will be integrated into the army?", targets: ["para. 6"] },
  { question: "How big a force did the African Union approve for the G5 Sahel?", targets: ["para. 15"] },
  { question: "Was the state of emergency prolonged, and until when?", targets: ["para. 16"] },
  { question: "How many human rights abuses did the mission document?", targets: ["para. 29"] },
  { question: "Were there any cases of rape linked to the conflict?", targets: ["para. 30"] },
  { question: "How many people are held on terrorism charges?", targets: ["para. 31"] },
  { question: "How many people in Mali don't have enough to eat?", targets: ["para. 34"] },
  { question: "How many people have been forced from their homes inside the country?", targets: ["para. 37"] },
  { question: "What percentage of the authorized troop strength has been deployed?", targets: ["para. 41"] },
  { question: "How many police have been deployed compared with the ceiling?", targets: ["para. 44"] },
  { question: "What proportion of the civilian staff has arrived?", targets: ["para. 45"] },
  { question: "How far along is building work on the Timbuktu camp?", targets: ["para. 46"] },
  { question: "Have there been new sexual exploitation and abuse allegations against UN personnel?", targets: ["para. 50"] },
  { question: "How many gendarmes died near the border with Burkina Faso?", targets: ["para. 19"] },
  { question: "Has anyone been identified for the killings of civilians in Macina?", targets: ["para. 23"] },
  { question: "Is the restoration of the old mosques in Timbuktu finished?", targets: ["para. 40"] },
  { question: "How much of the money pledged for the northern regions has been committed?", targets: ["para. 39"] },
  { question: "Why were the district elections postponed?", targets: ["para. 13"] },
  { question: "Which civil servants went on strike?", targets: ["para. 14"] },
  { question: "Were children killed or wounded by leftover explosives?", targets: ["para. 24"] },
  { question: "How many helicopters does the mission have that actually work?", targets: ["para. 72"] },
  { question: "Which ceasefire breaches did the military observers confirm?", targets: ["para. 8"] },
  { question: "How many times were French soldiers attacked since last June?", targets: ["para. 17"] },
  { question: "How many soldiers died in the attack near Nampala?", targets: ["para. 18"] },
  { question: "How many personnel does Ivory Coast contribute?", targets: ["Annex II Côte d’Ivoire"] },
  { question: "How many troops does Senegal provide to MINUSMA?", targets: ["Annex II Senegal"] },
  { question: "Is the programme for reintegrating ex-combatants in place yet?", targets: ["Annex I 2.2", "para. 6"] },
  { question: "Has the truth and reconciliation commission started collecting testimony?", targets: ["para. 32"] },
  { question: "How many Malian police did the mission train?", targets: ["para. 28"] },
];
