import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

/** #24 item 1: 会员码 and purchase points, on both stores. */
const NOW = '2026-03-02T02:00:00Z';
const later = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();
const owner = (now = NOW) => ({ openid: 'o_owner', now });
const as = (openid: string, now = NOW) => ({ openid, now });

eachStore((open) => {
  let h: Harness;
  let c: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
    await h.ok('community', 'join', { communityId: c, nickname: 'mod' }, as('o_mod'));
    await h.ok('community', 'setRole', { communityId: c, openid: 'o_mod', role: 'moderator' }, owner());
  });
  const enable = (purchase: Record<string, unknown> = {}) =>
    h.ok(
      'community',
      'updateRules',
      { communityId: c, rules: { purchase: { enabled: true, pointsPerYuan: 1, dailyCap: 300, ...purchase } } },
      owner(),
    );
  const codeOf = async (openid = 'o_alice', now = NOW) =>
    (await h.ok('points', 'memberCode', { communityId: c }, as(openid, now))).code as string;
  const buy = (code: string, amountFen: number, requestId: string, by = owner()) =>
    h.call('points', 'purchase', { communityId: c, code, amountFen, requestId }, by);
  const balance = async (openid = 'o_alice') => (await h.ok('points', 'me', { communityId: c }, as(openid, later(600)))).balance;

  it('staff see whose code it is and what it pays, credit it once, and the member is told; a replay answers the same', async () => {
    const code = await codeOf();
    expect(await buy(code, 12_345, 'buy-000001')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await enable();
    expect(
      await h.call('points', 'purchase', { communityId: c, code, amountFen: 100, requestId: 'buy-000002' }, as('o_bob')),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const scanned = await h.ok('points', 'scanMember', { communityId: c, code, amountFen: 12_345 }, owner(later(5)));
    expect(scanned).toMatchObject({
      member: { openid: 'o_alice', nickname: 'alice', tier: '铜', balance: 0, banned: false },
      purchase: { enabled: true, points: 123, capped: false },
    });
    const first = await buy(code, 12_345, 'buy-000003', owner(later(10)));
    expect(first).toMatchObject({
      ok: true,
      data: {
        points: 123,
        capped: false,
        member: { openid: 'o_alice', balance: 123 },
        entry: { kind: 'earn', delta: 123, reason: '购物积分', detail: { amountFen: 12_345 } },
      },
    });
    expect(await buy(code, 12_345, 'buy-000003', owner(later(20)))).toEqual(first);
    expect(
      await buy(code, 12_345, 'buy-000003', owner(later(20))).then(() => buy(code, 999, 'buy-000003', owner(later(20)))),
    ).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });
    expect(await buy(code, 5_000, 'buy-000004', owner(later(30)))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('已用过') },
    });
    expect(await balance()).toBe(123);
    const { notices } = await h.ok('notices', 'list', { communityId: c }, as('o_alice', later(60)));
    expect(notices.filter((n) => n.kind === 'purchase_credited').map((n) => [n.title, n.body])).toEqual([
      ['购物积分 +123', '消费 ¥123.45'],
    ]);
    const { events } = await h.ok('community', 'audit', { communityId: c }, owner(later(60)));
    expect(events.filter((e) => e.action === 'points.purchase')).toHaveLength(1);
  });

  it('two staff scanning one code at once credit it once; a refreshed or lapsed code credits nothing', async () => {
    await enable();
    const code = await codeOf();
    const racing = await Promise.all([
      buy(code, 10_000, 'race-000001', owner(later(5))),
      buy(code, 10_000, 'race-000002', as('o_mod', later(5))),
    ]);
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(await balance()).toBe(100);
    const stale = await codeOf('o_alice', later(10));
    await codeOf('o_alice', later(20));
    expect(await buy(stale, 1_000, 'stale-00001', owner(later(25)))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('已刷新') },
    });
    const lapsing = await codeOf('o_alice', later(30));
    expect(await buy(lapsing, 1_000, 'stale-00002', owner(later(30 + 120)))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('已过期') },
    });
    expect(await h.call('points', 'scanMember', { communityId: c, code: lapsing }, owner(later(30 + 121)))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('已过期') },
    });
    expect(await balance()).toBe(100);
  });

  it('pays within the daily cap, the tier multiplier applied, and records a capped purchase with what fits', async () => {
    await h.ok(
      'community',
      'updateRules',
      {
        communityId: c,
        rules: {
          tiers: [
            { name: '铜', minPoints: 0 },
            { name: '银', minPoints: 100, multiplier: 1.5 },
          ],
        },
      },
      owner(),
    );
    await enable();
    expect((await buy(await codeOf('o_alice', later(1)), 10_000, 'cap-0000001', owner(later(1)))).ok).toBe(true);
    // Now 银 (100 points): ×1.5.
    expect(await buy(await codeOf('o_alice', later(2)), 10_000, 'cap-0000002', owner(later(2)))).toMatchObject({
      ok: true,
      data: { points: 150, capped: false },
    });
    expect(await buy(await codeOf('o_alice', later(3)), 10_000, 'cap-0000003', owner(later(3)))).toMatchObject({
      ok: true,
      data: { points: 50, capped: true },
    });
    expect(await buy(await codeOf('o_alice', later(4)), 10_000, 'cap-0000004', owner(later(4)))).toMatchObject({
      ok: true,
      data: { points: 0, capped: true, entry: null },
    });
    expect(await balance()).toBe(300);
    // The next community day the cap starts again.
    expect(await buy(await codeOf('o_alice', '2026-03-03T02:00:00Z'), 10_000, 'cap-0000005', owner('2026-03-03T02:00:00Z'))).toMatchObject({
      ok: true,
      data: { points: 150, capped: false },
    });
  });

  it('a returned purchase takes its points back once, as many as the member still has', async () => {
    await enable();
    const bought = await h.ok(
      'points',
      'purchase',
      { communityId: c, code: await codeOf(), amountFen: 20_000, requestId: 'refund-0001' },
      owner(later(1)),
    );
    const refund = (requestId: string, by = owner(later(5))) =>
      h.call('points', 'refundPurchase', { communityId: c, entryId: bought.entry!.id, reason: '整单退货', requestId }, by);
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_alice', delta: -150, reason: '已兑换线下礼品', requestId: 'spend-00001' },
      as('o_mod', later(2)),
    );
    const first = await refund('refund-0002');
    expect(first).toMatchObject({ ok: true, data: { entry: { kind: 'reverse', delta: -50, reason: '退货扣回：整单退货' } } });
    expect(await refund('refund-0002')).toEqual(first);
    expect(await refund('refund-0003')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
    expect(await balance()).toBe(0);
    expect((await h.ok('points', 'me', { communityId: c }, as('o_alice', later(10)))).earnedTotal).toBe(150);
    expect(
      await h.call('points', 'refundPurchase', { communityId: c, entryId: 'earn:nope', reason: 'x', requestId: 'refund-0004' }, owner()),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await h.call(
        'points',
        'refundPurchase',
        { communityId: c, entryId: bought.entry!.id, reason: 'x', requestId: 'refund-0005' },
        as('o_bob'),
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses junk and the wrong person with a clear error, changing nothing', async () => {
    await enable();
    const code = await codeOf();
    const other = (await h.ok('community', 'create', { name: '隔壁' }, as('o_x'))).community.id;
    await h.ok('community', 'join', { communityId: other }, as('o_alice'));
    const foreign = (await h.ok('points', 'memberCode', { communityId: other }, as('o_alice'))).code;
    for (const [params, message] of [
      [{ code, amountFen: 0 }, '至少'],
      [{ code, amountFen: 12.5 }, '整数'],
      [{ code, amountFen: '100' }, '数字'],
      [{ code: 'hello', amountFen: 100 }, '不是会员码'],
      [{ code: foreign, amountFen: 100 }, '别的社群'],
      [{ code: `${code}x`.replace(/\.[^.]+$/, '.AAAAAAAAAAAA'), amountFen: 100 }, '无效'],
      [{ code: 'x'.repeat(201), amountFen: 100 }, '不是会员码'],
    ] as const) {
      expect(await h.call('points', 'purchase', { communityId: c, requestId: 'junk-000001', ...params }, owner())).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) },
      });
    }
    const mine = await codeOf('o_mod');
    expect(
      await h.call('points', 'purchase', { communityId: c, code: mine, amountFen: 100, requestId: 'junk-000002' }, as('o_mod')),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await h.ok('community', 'ban', { communityId: c, openid: 'o_alice', banned: true, reason: '刷单' }, owner());
    expect(await h.call('points', 'purchase', { communityId: c, code, amountFen: 100, requestId: 'junk-000003' }, owner())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await balance()).toBe(0);
  });
});
