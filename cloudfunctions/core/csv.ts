/**
 * A CSV file Excel opens in Chinese: UTF-8 with a byte-order mark, CRLF rows, fields quoted when
 * they hold a comma, a quote or a line break. A member's text that starts like a formula (=, +,
 * -, @) is prefixed with ' so a spreadsheet shows it instead of running it (CSV injection).
 */
export type Cell = string | number | boolean | null;

const BOM = '\uFEFF';

export function csvOf(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return BOM + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
