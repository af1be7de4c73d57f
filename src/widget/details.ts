// Read-only content shown under an answer: a cited paragraph, annex rows, a calculation.
import type { AnnexCitation, Citation, ToolTrace } from "../answer/contract.js";
import type { Paragraph } from "../report/schema.js";
import { h } from "./dom.js";

export function paragraphSource(paragraph: Paragraph, subItem: string | undefined, quote: string | undefined): HTMLElement {
  const where = [paragraph.chapter, paragraph.section].filter(Boolean).join(" › ");
  const box = h("div", {}, h("p", { class: "source-title" }, `Paragraph ${paragraph.number}`), h("p", { class: "muted" }, where));
  const item = subItem ? paragraph.subItems.find((s) => s.label === subItem) : undefined;
  if (item) box.append(h("p", { class: "subitem" }, h("strong", {}, `(${item.label}) `), item.text));
  box.append(withMark(h("p", { class: "source-text" }), paragraph.text, item ? undefined : quote));
  return box;
}

export function annexSource(annex: "I" | "II", citations: Citation[]): HTMLElement {
  const rows = citations.filter((c): c is AnnexCitation => "annex" in c && c.annex === annex).flatMap((c) => c.rows);
  const what = annex === "I" ? "Benchmarks (Annex I)" : "Military and police strength (Annex II)";
  const box = h("div", {}, h("p", { class: "source-title" }, what));
  if (rows.length === 0) {
    box.append(h("p", { class: "muted" }, "The rows used are listed once the answer has finished."));
  } else {
    box.append(h("p", { class: "muted" }, annex === "I" ? "Indicators used:" : "Rows used:"));
    box.append(h("ul", { class: "rows" }, ...[...new Set(rows)].map((row) => h("li", {}, row))));
  }
  return box;
}

export function calculation(tool: ToolTrace): HTMLElement {
  const details = h(
    "details",
    { class: "calc" },
    h("summary", {}, "How this number was calculated"),
    h("p", {}, h("code", {}, tool.formula)),
    h("p", {}, `Result: ${tool.result.toLocaleString("en")} ${tool.unit}`),
  );
  if (tool.operands.length > 0) {
    const items = tool.operands.map((op) => h("li", {}, describeOperand(op)));
    details.append(h("p", {}, "Inputs:"), h("ul", {}, ...items));
  }
  for (const warning of tool.warnings) details.append(h("p", { class: "warning" }, `Note: ${warning}`));
  return details;
}

/** "Annex II · Senegal · Military component — Total: 576" when the operand says where it came from. */
function describeOperand(op: Record<string, unknown>): string {
  const where = [op.source, op.row, op.column].filter((v): v is string => typeof v === "string" && v !== "");
  if ("value" in op && where.length > 0) return `${where.join(" · ")}: ${String(op.value)}${op.flagged === true ? " (flagged in the report)" : ""}`;
  return Object.entries(op)
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(", ");
}

/** Appends text to el, wrapping the first occurrence of quote in <mark>. */
function withMark(el: HTMLElement, text: string, quote: string | undefined): HTMLElement {
  const at = quote ? text.indexOf(quote) : -1;
  if (!quote || at < 0) {
    el.append(text);
    return el;
  }
  el.append(text.slice(0, at), h("mark", {}, quote), text.slice(at + quote.length));
  return el;
}
