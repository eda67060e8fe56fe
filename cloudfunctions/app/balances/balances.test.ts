import { localPlatform } from '../../platform/local/platform';
import { communityWithMembers, eachStore, sqliteHarness, type Harness } from '../../testing/harness';

/** #25 item 4: opening balances from a spreadsheet, each claimed once. */
const NOW = '2026-03-02T02:00:00Z';
const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const owner = (now = NOW) => ({ openid: 'o_owner', now });
const as = (openid: string, now = NOW) => ({ openid, now });
const trigger = (now: string) => ({ openid: null, source: 'wx_trigger', now });
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const SHEET = base64('\uFEFF姓名,积分,备注\r\n阿花,300,老会员\r\n小美,1200,\r\n阿花,50,第二张卡\r\n老王,12.5,\r\n');

eachStore((open) => {
  let h: Harness;
  let c: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
  });
  const balance = async (openid: string) => (await h.ok('points', 'me', { communityId: c }, as(openid, later(5)))).balance;
  const imported = async () => {
    const done = await h.ok(
      'points',
      'importBalances',
      { communityId: c, file: SHEET, skipProblems: true, requestId: 'import-0001' },
      owner(),
    );
    const { rows } = await h.ok('points', 'importRows', { communityId: c, importId: done.import.id, status: 'open' }, owner(later(1)));
    return { ...done, rows };
  };

  it('previews every problem by line and writes nothing; importing waits for a decision on problem rows', async () => {
    const preview = await h.ok('points', 'previewImport', { communityId: c, file: SHEET }, owner());
    expect(preview).toEqual({
      rows: 3,
      points: 1550,
      sample: [
        expect.objectContaining({ line: 2, name: '阿花' }),
        expect.objectContaining({ line: 3 }),
        expect.objectContaining({ line: 4 }),
      ],
      problems: [{ line: 5, text: '老王,12.5,', problem: '积分须是整数（不能是小数、公式或文字）' }],
      problemCount: 1,
    });
    expect(await h.ok('points', 'imports', { communityId: c }, owner())).toEqual({ imports: [], nextCursor: null });
    expect(await h.call('points', 'importBalances', { communityId: c, file: SHEET, requestId: 'import-0001' }, owner())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('第 5 行') },
    });
    expect(await h.ok('points', 'imports', { communityId: c }, owner())).toEqual({ imports: [], nextCursor: null });
  });

  it('imports the good rows once however often it is sent, each with its own claim code; audited once', async () => {
    const send = () =>
      h.ok('points', 'importBalances', { communityId: c, file: SHEET, skipProblems: true, requestId: 'import-0001' }, owner());
    const [first, racing] = await Promise.all([send(), send()]);
    expect(racing.import.id).toBe(first.import.id);
    expect(first.import).toMatchObject({ rows: 3, points: 1550, skippedLines: [5], status: 'ready', claimed: 0 });
    expect((await send()).import).toEqual(first.import);
    const { rows } = await h.ok('points', 'importRows', { communityId: c, importId: first.import.id }, owner());
    expect(rows.map((r) => [r.line, r.name, r.points, r.status])).toEqual([
      [2, '阿花', 300, 'open'],
      [3, '小美', 1200, 'open'],
      [4, '阿花', 50, 'open'],
    ]);
    expect(new Set(rows.map((r) => r.code)).size).toBe(3);
    expect((await h.ok('points', 'imports', { communityId: c }, owner())).imports).toHaveLength(1);
    const { events } = await h.ok('community', 'audit', { communityId: c }, owner(later(1)));
    expect(events.filter((e) => e.action === 'points.importBalances')).toHaveLength(1);
  });

  it('a code is claimed once: by its member, not again, not by another, and never twice racing', async () => {
    const { rows, import: done } = await imported();
    const [ahua] = rows;
    const typed = `${ahua.code.slice(0, 4).toLowerCase()}-${ahua.code.slice(4)}`;
    const claim = (openid: string, requestId: string, code = typed) =>
      h.call('points', 'claimBalance', { communityId: c, code, requestId }, as(openid, later(2)));
    const first = await claim('o_alice', 'claim-0001');
    expect(first).toMatchObject({
      ok: true,
      data: {
        balance: 300,
        row: { name: '阿花', points: 300, note: '老会员' },
        entry: { kind: 'adjust', delta: 300, reason: '期初积分：老会员' },
      },
    });
    expect(await claim('o_alice', 'claim-0001')).toEqual(first);
    expect(await claim('o_alice', 'claim-0002')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
    expect(await claim('o_bob', 'claim-0003')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const racing = await Promise.all(['o_alice', 'o_bob'].map((openid, i) => claim(openid, `race-000${i}`, rows[1].code)));
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect((await balance('o_alice')) + (await balance('o_bob'))).toBe(300 + 1200);
    const after = await h.ok('points', 'importRows', { communityId: c, importId: done.id, status: 'claimed' }, owner(later(3)));
    expect(after.rows.map((r) => [r.line, r.claimedHow])).toEqual([
      [2, 'code'],
      [3, 'code'],
    ]);
    expect(after.rows[0].claimedBy).toEqual({ openid: 'o_alice', nickname: 'alice' });
    expect((await h.ok('points', 'imports', { communityId: c }, owner(later(3)))).imports[0].claimed).toBe(2);
  });

  it('the owner matches an unclaimed row to a member, who is told; refusals change nothing', async () => {
    const { rows } = await imported();
    const code = rows[2].code;
    expect(
      await h.call('points', 'claimBalance', { communityId: c, code: 'ABCDEFGH', requestId: 'claim-0009' }, as('o_alice')),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('points', 'claimBalance', { communityId: c, code, requestId: 'claim-0010' }, owner())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.call('points', 'claimBalance', { communityId: c, code, requestId: 'claim-0011' }, as('o_stranger'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await h.call('points', 'matchBalance', { communityId: c, code, openid: 'o_bob', requestId: 'match-0001' }, as('o_alice')),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await h.call('points', 'matchBalance', { communityId: c, code, openid: 'o_stranger', requestId: 'match-0002' }, owner()),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await h.ok('community', 'ban', { communityId: c, openid: 'o_bob', banned: true, reason: '刷分' }, owner());
    expect(
      await h.call('points', 'matchBalance', { communityId: c, code, openid: 'o_bob', requestId: 'match-0003' }, owner()),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await balance('o_bob')).toBe(0);
    const matched = await h.ok('points', 'matchBalance', { communityId: c, code, openid: 'o_alice', requestId: 'match-0004' }, owner());
    expect(matched.balance).toBe(50);
    const { notices } = await h.ok('notices', 'list', { communityId: c }, as('o_alice', later(1)));
    expect(notices.filter((n) => n.title === '你的 50 期初积分已到账')).toHaveLength(1);
    expect(
      await h.call('points', 'claimBalance', { communityId: c, code, requestId: 'claim-0012' }, as('o_alice', later(2))),
    ).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
  });

  it('refuses junk files and inputs with a clear error', async () => {
    for (const [file, message] of [
      ['', '文件是空的'],
      ['不是base64', 'base64'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x81]).toString('base64'), 'CSV UTF-8'],
      [base64('a,1\n'.repeat(70_000)), '256 KB'],
      [base64(Array.from({ length: 10_001 }, (_, i) => `m${i},1`).join('\n')), '10,001 行'],
      [42, 'base64'],
    ] as const) {
      expect(await h.call('points', 'previewImport', { communityId: c, file }, owner())).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) },
      });
    }
    expect(await h.call('points', 'previewImport', { communityId: c, file: SHEET }, as('o_alice'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    for (const code of ['', 'ABC', 'ABCDEFG0', 'x'.repeat(41), 12345678]) {
      expect(await h.call('points', 'claimBalance', { communityId: c, code, requestId: 'claim-0020' }, as('o_alice'))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(await h.call('points', 'importRows', { communityId: c, importId: 'nope' }, owner())).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

it('an import too big for its call is written by the job, every row once, even with racing runs', async () => {
  let now = 0;
  const h = sqliteHarness(undefined, localPlatform(), { clock: () => (now += 700), jobBudgetMs: 10_000 });
  const c = await communityWithMembers(h);
  const file = base64(Array.from({ length: 2_600 }, (_, i) => `成员${i},${i + 1}`).join('\n'));
  const { import: started, batch } = await h.ok('points', 'importBalances', { communityId: c, file, requestId: 'import-big1' }, owner());
  expect([started.status, batch.status]).toEqual(['writing', 'running']);
  for (let minute = 1; minute < 60; minute++) {
    await Promise.all([1, 2].map(() => h.ok('jobs', 'runBatches', {}, trigger(later(minute)))));
    if ((await h.ok('points', 'batch', { communityId: c, batchId: batch.id }, owner(later(minute)))).batch.status === 'done') break;
  }
  const [done] = (await h.ok('points', 'imports', { communityId: c }, owner(later(61)))).imports;
  expect(done).toMatchObject({ status: 'ready', rows: 2_600, points: (2_600 * 2_601) / 2 });
  let read = 0;
  let cursor: string | null = null;
  const lines = new Set<number>();
  do {
    const page: { rows: Array<{ line: number }>; nextCursor: string | null } = await h.ok(
      'points',
      'importRows',
      { communityId: c, importId: done.id, cursor, limit: 100 },
      owner(later(62)),
    );
    page.rows.forEach((r) => lines.add(r.line));
    read += page.rows.length;
    cursor = page.nextCursor;
  } while (cursor);
  expect([read, lines.size]).toEqual([2_600, 2_600]);
});
