import { startRuntime, type Runtime } from '../support/runtime';

/** #25 item 4 over HTTP: opening balances from a spreadsheet, with the junk a real upload brings. */
let rt: Runtime;
let c: string;
const OWNER = 'b_owner';
const MEI = 'b_mei';
const as = (openid: string) => ({ 'X-Dev-Openid': openid });
const base64 = (bytes: Buffer) => bytes.toString('base64');

beforeAll(async () => {
  rt = await startRuntime();
  c = (await rt.ok('community', { action: 'create', name: '搬家群' }, OWNER)).community.id;
  await rt.ok('community', { action: 'join', communityId: c, nickname: '小美' }, MEI);
});
afterAll(async () => {
  await rt?.stop();
});

const imports = async () => (await rt.ok('points', { action: 'imports', communityId: c }, OWNER)).imports;

describe('opening balances over HTTP', () => {
  it('refuses a 10 MB file, wrong encodings and junk with a clear error, importing nothing', async () => {
    const huge = await rt.call(
      'points',
      { action: 'importBalances', communityId: c, file: base64(Buffer.alloc(10 * 1024 * 1024, 0x41)), requestId: 'http-import-01' },
      as(OWNER),
    );
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请求体太大' } });
    for (const [file, message] of [
      [base64(Buffer.alloc(300 * 1024, 0x41)), '256 KB'],
      [base64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0x81])), 'CSV UTF-8'],
      [base64(Buffer.from('小美,abc\n', 'utf16le')), 'CSV UTF-8'],
      ['%%%', 'base64'],
      [{ path: '/etc/passwd' }, 'base64'],
      [null, 'base64'],
    ] as const) {
      const answer = await rt.call('points', { action: 'importBalances', communityId: c, file, requestId: 'http-import-02' }, as(OWNER));
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) } });
    }
    expect(await imports()).toEqual([]);
  });

  it('keeps formulas as text: imported, claimed, and exported defused so a spreadsheet never runs them', async () => {
    const sheet = Buffer.from(
      '\uFEFF姓名,积分,备注\r\n"=HYPERLINK(""http://evil"",""点我"")",100,@SUM(A1)\r\n小美,=1+1,\r\n+86小王,20,-2\r\n',
      'utf8',
    );
    const preview = await rt.ok('points', { action: 'previewImport', communityId: c, file: base64(sheet) }, OWNER);
    expect(preview.problems).toEqual([{ line: 3, text: '小美,=1+1,', problem: '积分须是整数（不能是小数、公式或文字）' }]);
    const { import: done } = await rt.ok(
      'points',
      { action: 'importBalances', communityId: c, file: base64(sheet), skipProblems: true, requestId: 'http-import-03' },
      OWNER,
    );
    expect(done).toMatchObject({ rows: 2, points: 120, skippedLines: [3] });
    const { rows } = await rt.ok('points', { action: 'importRows', communityId: c, importId: done.id }, OWNER);
    expect(rows.map((r: { name: string; note: string }) => [r.name, r.note])).toEqual([
      ['=HYPERLINK("http://evil","点我")', '@SUM(A1)'],
      ['+86小王', '-2'],
    ]);
    const claimed = await rt.ok('points', { action: 'claimBalance', communityId: c, code: rows[0].code, requestId: 'http-claim-01' }, MEI);
    expect(claimed).toMatchObject({ balance: 100, entry: { reason: '期初积分：@SUM(A1)' } });
    const exported = await rt.ok('stats', { action: 'export', communityId: c, kind: 'balances' }, OWNER);
    const text = Buffer.from(await (await fetch(`${rt.url}${exported.url}`)).arrayBuffer()).toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(text).toContain(`'@SUM(A1)`);
    expect(text).toContain(`'+86小王`);
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
    expect(
      (await rt.call('points', { action: 'claimBalance', communityId: c, code: rows[0].code, requestId: 'http-claim-02' }, as(MEI))).body
        .error.code,
    ).toBe('ALREADY_DONE');
  });
});
