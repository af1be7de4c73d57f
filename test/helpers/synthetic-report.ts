// A small synthetic StructuredReport for unit tests that must not depend on the seed or the parsers.
import type { StructuredReport } from "../../src/report/schema.js";

const zero = { men: 0, women: 0, total: 0 };

export function syntheticReport(): StructuredReport {
  const long = Array.from({ length: 30 }, (_, i) => `Sentence ${i + 1} talks about convoy escorts and fuel deliveries in the region.`).join(" ");
  return {
    symbol: "S/2099/1",
    title: "Synthetic report",
    seedSha256: "0".repeat(64),
    paragraphs: [
      { number: 1, chapter: "I. Introduction", section: null, text: "The mission mandate was extended until June.", subItems: [] },
      {
        number: 2,
        chapter: "II. Security",
        section: "A. Attacks",
        text: "Peacekeepers were injured in several attacks. Three soldiers were killed near the border.",
        subItems: [],
      },
      { number: 3, chapter: "II. Security", section: "B. Logistics", text: long, subItems: [] },
      {
        number: 4,
        chapter: "III. Finance",
        section: null,
        text: "Contributions were received. (a) Unpaid assessed contributions amounted to $53 million; (b) Reimbursement was made up to January.",
        subItems: [
          { label: "a", text: "Unpaid assessed contributions amounted to $53 million;" },
          { label: "b", text: "Reimbursement was made up to January." },
        ],
      },
      { number: 5, chapter: "IV. Humanitarian", section: null, text: "Schools in Côte d’Ivoire border areas were closed.", subItems: [] },
    ],
    annexI: {
      title: "Benchmarks",
      areas: [{ id: "1", title: "Political matters", goal: "Progress." }],
      objectives: [{ id: "1.1", area: "1", text: "Establish interim authorities" }],
      indicators: [
        { id: "1.1.1", objective: "1.1", area: "1", text: "Interim authorities are operational", status: ["Ongoing"], deadline: "2017", comments: "Installed in April" },
      ],
    },
    annexII: {
      title: "Strength",
      asAt: "20 May 2017",
      rows: [
        {
          country: "Côte d’Ivoire",
          flagged: false,
          military: { men: 154, women: 3, total: 157 },
          individualPolice: { men: 8, women: 2, total: 10 },
          formedPoliceUnits: zero,
          totalPolice: { men: 8, women: 2, total: 10 },
        },
      ],
      totals: {
        military: { men: 154, women: 3, total: 157 },
        individualPolice: { men: 8, women: 2, total: 10 },
        formedPoliceUnits: zero,
        totalPolice: { men: 8, women: 2, total: 10 },
      },
    },
    warnings: [],
  };
}
