// The whole-report parse: identity of the report, and the errors for inputs that are not a report.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseReport } from "../../ingest/parse/report.js";
import { ReportParseError } from "../../ingest/parse/errors.js";
import { SEED_FILE } from "../helpers/index-fixture.js";

const seed = readFileSync(SEED_FILE, "utf8");

describe("parseReport on the real seed", () => {
  const report = parseReport(seed);
  it("takes the report's own symbol from its running headers, not a document it cites", () => {
    expect(report.symbol).toBe("S/2017/478");
  });
  it("keeps the title and the seed's content hash", () => {
    expect(report.title).toBe("Report of the Secretary-General on the situation in Mali");
    expect(report.seedSha256).toBe(createHash("sha256").update(seed).digest("hex"));
  });
});

describe("parseReport rejects what is not a report", () => {
  const codeOf = (text: string) => {
    try {
      parseReport(text);
      return "parsed";
    } catch (err) {
      return err instanceof ReportParseError ? err.code : String(err);
    }
  };
  it("an empty text", () => expect(codeOf("  \n\n ")).toBe("EMPTY"));
  it("a text with no numbered paragraphs", () => expect(codeOf("Some notes\nwith no numbered paragraphs at all.\n")).toBe("NO_PARAGRAPHS"));
  it("a report without its annexes", () => expect(codeOf(seed.slice(0, seed.indexOf(" Annex I  ")))).toBe("ANNEX_MISSING"));
});
