/**
 * Writing CSV that spreadsheets open safely: one rule, owned and tested here, used by the app's
 * "Export CSV" and by the command line.
 *
 * - Quoting as RFC 4180: a cell holding a comma, a double quote, a line break, or leading or trailing
 *   spaces is quoted, with double quotes doubled.
 * - Formula neutralisation: a cell starting with `=`, `+`, `-`, `@`, a tab, a carriage return or a
 *   line feed is prefixed with a single quote, whatever else it contains (line breaks included), so a
 *   spreadsheet shows it as text instead of running it (the OWASP "CSV injection" rule).
 * - UTF-8 with a byte-order mark (Excel then reads Chinese correctly) and CRLF line ends.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: CsvValue): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, CRLF-terminated. */
export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The byte-order mark that starts every CSV file this project writes. */
export const CSV_BOM = '\uFEFF';

/** A whole CSV document: BOM, header, rows. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  let out = CSV_BOM + csvLine(header);
  for (const r of rows) out += csvLine(r);
  return out;
}
