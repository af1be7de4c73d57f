// Public surface of the deterministic numeric tools.
export * from "./errors.js";
export * from "./types.js";
export * from "./format.js";
export { findRow, readCell, readTotal, allCountries, warningsFor, columnLabel, TOTAL_ROW } from "./annex-ii-cells.js";
export { readSelection, resolveCountries, selectorLabel, COMPONENT_LABEL, type Selector } from "./annex-ii-selection.js";
export * from "./annex-ii-ops.js";
export * from "./annex-ii-rank-count.js";
export * from "./annex-i-ops.js";
export * from "./paragraph-figures.js";
export * from "./paragraph-ops.js";
export * from "./numeric-input.js";
export * from "./run-operation.js";
export * from "./numeric-tool.js";
