import { csvOf } from './csv';

describe('csv', () => {
  it('writes a BOM, a header and CRLF rows, quoting what needs it', () => {
    const text = csvOf(
      ['昵称', '积分'],
      [
        ['小美', 5],
        ['a,b', -3],
        ['说"好"', null],
        ['两\n行', true],
      ],
    );
    expect(text.startsWith('\uFEFF昵称,积分\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual(['昵称,积分', '小美,5', '"a,b",-3', '"说""好""",', '"两\n行",true', '']);
  });

  it('defuses text a spreadsheet would run as a formula, not numbers', () => {
    const text = csvOf(['x'], [['=HYPERLINK("http://evil")'], ['+1'], ['-2'], ['@SUM(A1)'], [-2]]);
    expect(text.slice(1).split('\r\n')).toEqual(['x', `"'=HYPERLINK(""http://evil"")"`, "'+1", "'-2", "'@SUM(A1)", '-2', '']);
  });
});
