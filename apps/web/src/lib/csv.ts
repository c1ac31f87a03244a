/**
 * CSV of the Runs page's current view (RFC 4180): cells with a quote, comma, CR or LF are quoted
 * (quotes doubled); text cells that a spreadsheet would read as a formula (starting with `=`,
 * `+`, `-`, `@`, or a tab/CR before one) get a leading `'`. Numbers are written as numbers.
 */

/** One cell: text, a number, a boolean, or empty (null/undefined). */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of one cell, escaped and guarded. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: the header row, then the rows, CRLF-separated, with a final CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** A JSON value as a cell: numbers/booleans/strings as they are, objects and arrays as JSON text. */
export function jsonCell(v: unknown): CsvCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return JSON.stringify(v);
}
