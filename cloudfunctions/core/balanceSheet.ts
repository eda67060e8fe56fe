/**
 * Opening balances from the spreadsheet a community kept before: a CSV as Excel saves it in
 * China (UTF-8 with a byte-order mark, or GBK from "CSV (逗号分隔)", or UTF-16 from "Unicode
 * 文本" with tabs), read into rows of name, points and note, each with what is wrong with it.
 * Nothing here is ever evaluated: a cell that looks like a formula is text, and an export
 * defuses it again (core/csv.ts).
 */

/** What one call carries: Excel's 10,000 rows of name, points and note fit in it many times over. */
export const MAX_SHEET_BYTES = 256 * 1024;
export const MAX_SHEET_ROWS = 10_000;
export const MAX_OPENING_POINTS = 1_000_000;
export const NAME_MAX = 32;
export const NOTE_MAX = 100;

export interface SheetRow {
  /** The row's line in the file (1 is the first), as the owner's spreadsheet numbers it. */
  line: number;
  name: string;
  points: number;
  note: string;
}

export interface SheetProblem {
  line: number;
  /** The row as it was written, so the owner recognises it. */
  text: string;
  problem: string;
}

export type Sheet = { rows: SheetRow[]; problems: SheetProblem[] } | { refused: string };

/** The file's text: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is read as GBK. */
export function decodeSheet(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strictly('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return strictly('utf-8', bytes) ?? strictly('gbk', bytes);
}

/** The bytes decoded, or null when they are not that encoding (TypeError) or the runtime lacks it (RangeError). */
function strictly(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    // By name: the decoder's errors may come from another realm (a test's sandbox), where instanceof fails.
    const name = (error as Error | null)?.name;
    if (name === 'TypeError' || name === 'RangeError') return null;
    throw error;
  }
}

/** RFC 4180 fields: quoted ones may hold the separator, "" and line breaks; each record keeps the line it starts on. */
export function splitRecords(text: string, separator: ',' | '\t'): Array<{ line: number; cells: string[] }> {
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      records.push({ line: startLine, cells: [...cells, cell] });
      cells = [];
      cell = '';
      startLine = ++line;
    } else cell += c;
  }
  if (cell !== '' || cells.length) records.push({ line: startLine, cells: [...cells, cell] });
  return records.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

const HEADER = {
  name: /^(姓名|名字|昵称|成员|会员|name|nickname)$/i,
  points: /^(积分|分数|余额|points?|balance)$/i,
  note: /^(备注|说明|note|remark)s?$/i,
};

/** Which column is which: from a header row if the first row is one, otherwise name, points, note in order. */
function columnsOf(first: string[]): { name: number; points: number; note: number; header: boolean } {
  const find = (pattern: RegExp) => first.findIndex((cell) => pattern.test(cell.trim()));
  const name = find(HEADER.name);
  const points = find(HEADER.points);
  if (name >= 0 && points >= 0) return { name, points, note: find(HEADER.note), header: true };
  return { name: 0, points: 1, note: 2, header: false };
}

/** A points cell: digits, optionally with thousands separators (Excel writes 1,200 when quoted). */
function pointsOf(cell: string): number | null {
  const text = cell.trim().replace(/[,，](?=\d{3}(\D|$))/g, '');
  return /^\d+$/.test(text) ? Number(text) : null;
}

function problemOf(name: string, points: number | null, note: string): string | null {
  if (!name) return '没有名字';
  if ([...name].length > NAME_MAX) return `名字最多 ${NAME_MAX} 个字`;
  if (points === null) return '积分须是整数（不能是小数、公式或文字）';
  if (points < 1 || points > MAX_OPENING_POINTS) return `积分须在 1 到 ${MAX_OPENING_POINTS.toLocaleString('en-US')} 之间`;
  if ([...note].length > NOTE_MAX) return `备注最多 ${NOTE_MAX} 个字`;
  return null;
}

/** The sheet's rows and every row's problem; a file that cannot be a sheet at all is refused whole. */
export function readSheet(bytes: Uint8Array): Sheet {
  if (bytes.length === 0) return { refused: '文件是空的' };
  if (bytes.length > MAX_SHEET_BYTES)
    return { refused: `文件不能超过 ${MAX_SHEET_BYTES / 1024} KB（约 ${MAX_SHEET_ROWS.toLocaleString('en-US')} 行）` };
  const text = decodeSheet(bytes);
  if (text === null || text.includes('\u0000')) return { refused: '读不出文字：请在 Excel 里另存为 “CSV UTF-8” 再上传' };
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const separator = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const records = splitRecords(text, separator);
  if (records.length === 0) return { refused: '文件里没有数据' };
  const columns = columnsOf(records[0].cells);
  const body = columns.header ? records.slice(1) : records;
  if (body.length > MAX_SHEET_ROWS)
    return { refused: `一次最多导入 ${MAX_SHEET_ROWS.toLocaleString('en-US')} 行，这个文件有 ${body.length.toLocaleString('en-US')} 行` };
  const rows: SheetRow[] = [];
  const problems: SheetProblem[] = [];
  for (const { line, cells } of body) {
    const name = (cells[columns.name] ?? '').trim();
    const points = pointsOf(cells[columns.points] ?? '');
    const note = columns.note >= 0 ? (cells[columns.note] ?? '').trim() : '';
    const problem = problemOf(name, points, note);
    if (problem) problems.push({ line, text: cells.join(separator === '\t' ? '  ' : ',').slice(0, 80), problem });
    else rows.push({ line, name, points: points!, note });
  }
  if (rows.length === 0 && problems.length === 0) return { refused: '文件里没有数据' };
  return { rows, problems };
}
