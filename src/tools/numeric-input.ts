// The numeric tool's input: a zod discriminated union on `operation`.
import { z } from "zod";
import { ANNEX_II_SEXES, ImplementationStatusSchema } from "../report/schema.js";
import { COMPONENTS } from "./types.js";

const component = z.enum(COMPONENTS).describe("military | individualPolice | formedPoliceUnits | totalPolice | uniformed (= military + totalPolice)");
const sex = z.enum(ANNEX_II_SEXES).default("total");
const countries = z.array(z.string()).describe("Country names exactly as in Annex II");

const selector = z.object({
  component,
  sex,
  countries: countries.optional().describe("Omit for the mission total (totals row); one name for a cell; several for their sum"),
});

const condition = z.object({
  component,
  sex,
  comparator: z.enum(["gt", "gte", "lt", "lte", "eq"]),
  threshold: z.number(),
});

const paragraph = z.number().int().positive().describe("Paragraph number the figures are quoted from");
const figure = z.string().min(1).describe('A figure quoted exactly from the paragraph, e.g. "141,500", "$293 million", "12.5 per cent"');

export const NumericOperationSchema = z.discriminatedUnion("operation", [
  z.object({ operation: z.literal("cell"), country: z.string(), component, sex }),
  z.object({ operation: z.literal("missionTotal"), component, sex }),
  z.object({ operation: z.literal("sum"), countries, component, sex }),
  z.object({
    operation: z.literal("rank"),
    component,
    sex,
    order: z.enum(["most", "fewest"]).default("most"),
    n: z.number().int().positive().default(1),
    countries: countries.optional(),
    includeZero: z.boolean().optional(),
    position: z.number().int().positive().optional().describe("Ordinal place asked for (3 = third-largest); the value and rows are that place's"),
  }),
  z.object({ operation: z.literal("count"), conditions: z.array(condition), countries: countries.optional() }),
  z.object({ operation: z.literal("share"), part: selector, whole: selector }),
  z.object({ operation: z.literal("difference"), a: selector, b: selector }),
  z.object({ operation: z.literal("ratio"), a: selector, b: selector }),
  z.object({
    operation: z.literal("indicatorCount"),
    status: z.union([ImplementationStatusSchema, z.literal("none")]).optional(),
    area: z.string().regex(/^\d+$/).optional(),
    objective: z.string().regex(/^\d+\.\d+$/).optional(),
  }),
  z.object({ operation: z.literal("indicatorLookup"), id: z.string().regex(/^\d+\.\d+\.\d+$/) }),
  z.object({ operation: z.literal("paragraphPercentChange"), paragraph, from: figure, to: figure }),
  /** The percent change of a total made of parts ("105, 76 and 20 attacks … compared with 84, 66 and 15"): sum(to) against sum(from). */
  z.object({ operation: z.literal("paragraphSumChange"), paragraph, from: z.array(figure).min(2), to: z.array(figure).min(2) }),
  z.object({ operation: z.literal("paragraphDifference"), paragraph, a: figure, b: figure }),
  z.object({ operation: z.literal("paragraphSum"), paragraph, figures: z.array(figure) }),
  z.object({ operation: z.literal("paragraphRatio"), paragraph, a: figure, b: figure }),
  z.object({ operation: z.literal("paragraphShare"), paragraph, part: figure, whole: figure }),
  /** The amount a percentage stands for; with `remaining`, what the rest of the whole stands for ("only 14 per cent of $293 million received": $252 million not). */
  z.object({ operation: z.literal("paragraphPercentOf"), paragraph, percent: figure, of: figure, remaining: z.boolean().default(false) }),
]);

export type NumericOperation = z.output<typeof NumericOperationSchema>;
export type NumericOperationInput = z.input<typeof NumericOperationSchema>;
export type NumericOperationName = NumericOperation["operation"];
