import { decodeSheet, MAX_SHEET_BYTES, readSheet, splitRecords } from './balanceSheet';
import { normalizeCode, READABLE_CODE, readableCodeOf } from './readableCodes';
import { csvOf } from './csv';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** 小美 in GBK, as Excel's "CSV (逗号分隔)" writes it on a Chinese Windows. */
const GBK_XIAOMEI = [0xd0, 0xa1, 0xc3, 0xc0];

describe('reading an opening-balance sheet', () => {
  it('reads UTF-8 with a BOM, GBK and UTF-16 alike', () => {
    const expected = { rows: [{ line: 2, name: '小美', points: 120, note: '' }], problems: [] };
    expect(readSheet(utf8('\uFEFF姓名,积分\r\n小美,120\r\n'))).toEqual(expected);
    expect(readSheet(new Uint8Array([...utf8('name,points\r\n'), ...GBK_XIAOMEI, ...utf8(',120\r\n')]))).toEqual(expected);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t积分\r\n小美\t120\r\n', 'utf16le')]);
    expect(readSheet(utf16)).toEqual(expected);
    expect(decodeSheet(new Uint8Array([0xff, 0x00, 0x81]))).toBeNull();
  });

  it('finds the columns by their header in any order, or takes name, points, note without one', () => {
    expect(readSheet(utf8('备注,积分,昵称\n老会员,300,阿花\n'))).toEqual({
      rows: [{ line: 2, name: '阿花', points: 300, note: '老会员' }],
      problems: [],
    });
    expect(readSheet(utf8('阿花,300,老会员\n小美,"1,200"\n'))).toEqual({
      rows: [
        { line: 1, name: '阿花', points: 300, note: '老会员' },
        { line: 2, name: '小美', points: 1200, note: '' },
      ],
      problems: [],
    });
  });

  it('names every problem by its line, formulas included, and keeps the good rows', () => {
    const sheet = readSheet(
      utf8(
        [
          '姓名,积分,备注',
          ',50,',
          '阿花,12.5,',
          '小美,=SUM(A1:A9),',
          '老王,-3,',
          '大刘,2000000,',
          `长名${'字'.repeat(40)},5,`,
          '=HYPERLINK("x"),10,公式名字照样是文字',
          '阿强,10,"多行',
          '备注"',
          '',
          '小李,abc,',
        ].join('\n'),
      ),
    );
    if ('refused' in sheet) throw new Error(sheet.refused);
    expect(sheet.problems.map((p) => [p.line, p.problem])).toEqual([
      [2, '没有名字'],
      [3, '积分须是整数（不能是小数、公式或文字）'],
      [4, '积分须是整数（不能是小数、公式或文字）'],
      [5, '积分须是整数（不能是小数、公式或文字）'],
      [6, '积分须在 1 到 1,000,000 之间'],
      [7, '名字最多 32 个字'],
      [12, '积分须是整数（不能是小数、公式或文字）'],
    ]);
    expect(sheet.rows).toEqual([
      { line: 8, name: '=HYPERLINK("x")', points: 10, note: '公式名字照样是文字' },
      { line: 9, name: '阿强', points: 10, note: '多行\n备注' },
    ]);
    // Exported again, the formula-looking name is defused.
    expect(csvOf(['名字'], [[sheet.rows[0].name]])).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('refuses what is no sheet at all: empty, too big, too many rows, binary', () => {
    expect(readSheet(new Uint8Array())).toEqual({ refused: '文件是空的' });
    expect(readSheet(utf8('\n\n,,\n'))).toEqual({ refused: '文件里没有数据' });
    expect(readSheet(new Uint8Array(MAX_SHEET_BYTES + 1).fill(0x41))).toMatchObject({ refused: expect.stringContaining('256 KB') });
    expect(readSheet(utf8(Array.from({ length: 10_001 }, (_, i) => `m${i},1`).join('\n')))).toMatchObject({
      refused: expect.stringContaining('10,001 行'),
    });
    expect(readSheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x81]))).toMatchObject({
      refused: expect.stringContaining('CSV UTF-8'),
    });
  });

  it("splits quoted fields with separators, quotes and line breaks, keeping each record's first line", () => {
    expect(splitRecords('a,"b,c","d""e"\r\n"x\ny",z\n', ',')).toEqual([
      { line: 1, cells: ['a', 'b,c', 'd"e'] },
      { line: 2, cells: ['x\ny', 'z'] },
    ]);
  });
});

describe('readable codes', () => {
  it('are 8 readable characters, unbiased over the alphabet, and what a person types is normalised', () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const code = readableCodeOf(new Uint8Array(8).fill(byte));
      if (byte >= 248) expect(code).toBeNull();
      else counts.set(code![0], (counts.get(code![0]) ?? 0) + 1);
    }
    expect(new Set(counts.values())).toEqual(new Set([8]));
    expect([...counts.keys()].join('')).not.toMatch(/[01OIL]/);
    expect(READABLE_CODE.test(normalizeCode(' abcd-ef23 '))).toBe(true);
  });
});
