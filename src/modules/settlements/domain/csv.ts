// CSV for spreadsheets (RFC 4180): CRLF line ends, cells with a comma, quote or line break quoted with
// quotes doubled, a UTF-8 byte order mark so Korean Excel reads UTF-8. Numbers are written plain (no
// thousands separators, no quotes) so they stay numbers. A text cell starting with = + - @ (or a tab or CR)
// gets a leading ' so no spreadsheet runs it as a formula (CSV injection).

export type CsvCell = string | number | null;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
