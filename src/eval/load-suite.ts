// Reads a JSONL golden suite: one case a line, `//` and `#` comment lines allowed.
// Invalid lines are collected with their line number; valid cases are returned regardless.
import { readFile } from "node:fs/promises";
import { GoldenCaseSchema, type GoldenCase } from "./golden-schema.js";

export interface SuiteError {
  line: number;
  id?: string;
  reason: string;
}

export interface LoadedSuite {
  cases: GoldenCase[];
  /** The source line of each case, same order as `cases`. */
  lines: number[];
  errors: SuiteError[];
  /** Comment lines with their markers stripped (the suite's provenance note). */
  comments: string[];
}

export function parseSuite(text: string): LoadedSuite {
  const out: LoadedSuite = { cases: [], lines: [], errors: [], comments: [] };
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === "") return;
    if (trimmed.startsWith("//") || trimmed.startsWith("#")) {
      out.comments.push(trimmed.replace(/^(\/\/|#)\s?/, ""));
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (err) {
      out.errors.push({ line, reason: `not valid JSON: ${(err as Error).message}` });
      return;
    }
    const id = typeof json === "object" && json !== null && typeof (json as { id?: unknown }).id === "string" ? (json as { id: string }).id : undefined;
    const parsed = GoldenCaseSchema.safeParse(json);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((iss) => `${iss.path.length ? iss.path.join(".") : "(case)"}: ${iss.message}`).join("; ");
      out.errors.push({ line, ...(id ? { id } : {}), reason });
      return;
    }
    const previous = seen.get(parsed.data.id);
    if (previous !== undefined) {
      out.errors.push({ line, id: parsed.data.id, reason: `duplicate id (first used on line ${previous})` });
      return;
    }
    seen.set(parsed.data.id, line);
    out.cases.push(parsed.data);
    out.lines.push(line);
  });
  return out;
}

export async function loadSuite(file: string): Promise<LoadedSuite> {
  return parseSuite(await readFile(file, "utf8"));
}
