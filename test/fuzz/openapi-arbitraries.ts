// A small schema-driven request generator and response checker over the service's own /openapi.json.
// No maintained npm tool does this for OpenAPI 3.1 with fast-check 4 (openapi-fuzzer-core reads Swagger 2
// and was last released years ago; zod-fast-check and json-schema-fast-check need zod 3 / fast-check 1-3),
// so this covers the JSON Schema subset zod emits: type, properties, required, items, enum, const, anyOf,
// oneOf, $ref, string length and pattern, number bounds.
import fc from "fast-check";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  additionalProperties?: boolean | JsonSchema;
};

export interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

export function resolve(spec: Spec, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = spec.components.schemas[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(spec, target);
}

/** Characters that tend to break things: invisible, bidi, astral, lone surrogates, quotes, NUL. */
const nasty = fc.constantFrom("\u200B", "\u202E", "\uFEFF", "\u0000", "\uD800", "\uDC00", "😀", "\"", "\\", "%", "'", "<script>", "\n", "ｓ", "ﬁ");
const nastyString = (max: number) =>
  fc.array(fc.oneof(fc.string({ maxLength: 8, unit: "binary" }), nasty), { maxLength: Math.max(1, Math.ceil(max / 8)) }).map((parts) => parts.join(""));

/** Values worth trying for a property of this name (ids the service knows, so requests get past 404s). */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

/** Values the schema allows (mostly); strings lean on the edges of their lengths and on odd characters. */
export function valid(spec: Spec, raw: JsonSchema, depth = 0, hints: Hints = {}): fc.Arbitrary<unknown> {
  const schema = resolve(spec, raw);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valid(spec, s, depth + 1, hints)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string": {
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      const min = schema.minLength ?? 0;
      const max = Math.min(schema.maxLength ?? 64, 2100);
      return fc.oneof(
        fc.string({ minLength: min, maxLength: Math.min(max, 80) }),
        nastyString(Math.min(max, 80)).filter((s) => s.length >= min && s.length <= max),
        fc.constant("x".repeat(max)),
      );
    }
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case "number":
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return depth > 3 ? fc.constant([]) : fc.array(valid(spec, schema.items ?? {}, depth + 1, hints), { maxLength: 3 });
    case "object": {
      const properties = schema.properties ?? {};
      if (depth > 3) return fc.constant({});
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) {
        const generated = valid(spec, property, depth + 1, hints);
        record[name] = hints[name] ? fc.oneof(hints[name]!, generated) : generated;
      }
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Valid values, plus the same with one property dropped, retyped or added, plus anything at all. */
export function fuzzed(spec: Spec, raw: JsonSchema, hints: Hints = {}): fc.Arbitrary<unknown> {
  const schema = resolve(spec, raw);
  const base = valid(spec, schema, 0, hints);
  const names = Object.keys(schema.properties ?? {});
  const mutated =
    names.length === 0
      ? base
      : fc.tuple(base, fc.constantFrom(...names), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("drop", "retype", "extra")).map(([value, name, other, how]) => {
          if (typeof value !== "object" || value === null) return value;
          const copy = { ...(value as Record<string, unknown>) };
          if (how === "drop") delete copy[name];
          else if (how === "retype") copy[name] = other;
          else copy[`${name}_extra`] = other;
          return copy;
        });
  return fc.oneof({ weight: 4, arbitrary: base }, { weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
}

/** Where `value` breaks `schema` (empty when it conforms). */
export function violations(spec: Spec, raw: JsonSchema, value: unknown, at = "$"): string[] {
  const schema = resolve(spec, raw);
  if (schema.const !== undefined) return value === schema.const ? [] : [`${at}: not ${JSON.stringify(schema.const)}`];
  if (schema.enum) return schema.enum.includes(value) ? [] : [`${at}: not one of ${JSON.stringify(schema.enum)}`];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.some((s) => violations(spec, s, value, at).length === 0) ? [] : [`${at}: matches no alternative`];
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && !types.some((t) => hasType(value, t))) return [`${at}: not ${types.join("|")} (${JSON.stringify(value)?.slice(0, 60)})`];
  const problems: string[] = [];
  if (typeof value === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${at}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${at}: longer than ${schema.maxLength}`);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) problems.push(`${at}: not finite`);
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at}: below ${schema.minimum}`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) problems.push(`${at}: not above ${schema.exclusiveMinimum}`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => problems.push(...violations(spec, schema.items!, item, `${at}[${i}]`)));
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in object)) problems.push(`${at}.${name}: missing`);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (name in object) problems.push(...violations(spec, property, object[name], `${at}.${name}`));
    }
  }
  return problems;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}
