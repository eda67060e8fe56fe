import { communityWithMembers, eachStore, readsFailing, sqliteHarness, type Harness } from '../../testing/harness';

let h: Harness;
let c: string;
const NOW = '2026-06-01T04:00:00Z';
const LATER = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString();
const TRIGGER = { openid: null, source: 'wx_trigger' } as const;

eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
    await h.ok('community', 'join', { communityId: c, nickname: 'carol' }, { openid: 'o_carol', now: NOW });
    for (const m of ['o_alice', 'o_bob', 'o_carol']) await give(m, 500);
  });

  const give = (openid: string, delta: number) =>
    h.ok(
      'points',
      'adjust',
      { communityId: c, openid, delta, reason: '测试发分', requestId: `give-${openid}-${delta}` },
      { openid: 'o_owner', now: NOW },
    );
  const stock = (item: Record<string, unknown>) =>
    h.ok('mall', 'upsertItem', { communityId: c, item }, { openid: 'o_owner', now: NOW }).then((r) => r.item);
  const me = (openid: string, now = NOW) => h.ok('points', 'me', { communityId: c }, { openid, now });
  const back = (openid: string, poolId: string, points: number, requestId: string, now = NOW) =>
    h.call('pools', 'contribute', { communityId: c, poolId, points, requestId }, { openid, now });
  const start = (openid: string, itemId: string, requestId = 'start-0001', now = NOW) =>
    h.call('pools', 'start', { communityId: c, itemId, requestId }, { openid, now });
  const settle = (now: string) => h.ok('jobs', 'settlePools', {}, { ...TRIGGER, now });
  const itemOf = async (id: string) =>
    (await h.ok('mall', 'items', { communityId: c }, { openid: 'o_owner', now: NOW })).items.find((i) => i.id === id)!;
  const balances = async (now = NOW) => (await Promise.all(['o_alice', 'o_bob', 'o_carol'].map((m) => me(m, now)))).map((m) => m.balance);

  describe('donation pools (积分捐赠)', () => {
    it('takes points until the goal and closes; never past it; the points leave circulation', async () => {
      const { pool } = await h.ok(
        'pools',
        'upsert',
        { communityId: c, pool: { name: '山区图书角', goalPoints: 300, endsAt: LATER(10) } },
        { openid: 'o_owner', now: NOW },
      );
      expect(pool).toMatchObject({ kind: 'donation', status: 'open', raised: 0, backers: 0 });
      const first = await back('o_alice', pool.id, 200, 'donate-0001');
      expect(first).toMatchObject({ ok: true, data: { balance: 300, pool: { raised: 200, backers: 1, myContribution: 200 } } });
      expect(await back('o_bob', pool.id, 150, 'donate-0002')).toMatchObject({
        ok: false,
        error: { code: 'LIMIT_REACHED', message: expect.stringContaining('100') },
      });
      expect(await back('o_alice', pool.id, 200, 'donate-0001')).toEqual(first);
      expect((await back('o_bob', pool.id, 100, 'donate-0003')).ok).toBe(true);
      expect(await back('o_carol', pool.id, 1, 'donate-0004')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const { pools } = await h.ok('pools', 'list', { communityId: c }, { openid: 'o_bob', now: NOW });
      expect(pools).toEqual([expect.objectContaining({ id: pool.id, status: 'funded', raised: 300, backers: 2, myContribution: 100 })]);
      const { backers } = await h.ok('pools', 'get', { communityId: c, poolId: pool.id }, { openid: 'o_carol', now: NOW });
      expect(backers.map((b) => [b.nickname, b.points])).toEqual([
        ['alice', 200],
        ['bob', 100],
      ]);
      expect(await balances()).toEqual([300, 400, 500]);
      const { entries } = await h.ok('points', 'ledger', { communityId: c }, { openid: 'o_alice', now: NOW });
      expect(entries[0]).toMatchObject({ kind: 'spend', delta: -200, reason: '捐赠「山区图书角」', refId: pool.id });
    });

    it('ends at endsAt; only the owner opens one; bad input changes nothing', async () => {
      const { pool } = await h.ok(
        'pools',
        'upsert',
        { communityId: c, pool: { name: '公益', goalPoints: 1000, endsAt: LATER(1) } },
        { openid: 'o_owner', now: NOW },
      );
      expect(await back('o_alice', pool.id, 10, 'late-00001', LATER(2))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await h.ok('pools', 'list', { communityId: c }, { openid: 'o_alice', now: LATER(2) })).pools[0].status).toBe('ended');
      expect(
        await h.call(
          'pools',
          'upsert',
          { communityId: c, pool: { name: '我的', goalPoints: 10, endsAt: LATER(1) } },
          { openid: 'o_alice', now: NOW },
        ),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // The owner's alone: a moderator is refused; outsiders see and give nothing; only the timer settles.
      await h.ok('community', 'setRole', { communityId: c, openid: 'o_carol', role: 'moderator' }, { openid: 'o_owner', now: NOW });
      expect(
        await h.call(
          'pools',
          'upsert',
          { communityId: c, pool: { id: pool.id, name: '改名', goalPoints: 10, endsAt: LATER(1) } },
          { openid: 'o_carol', now: NOW },
        ),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      for (const [action, params] of [
        ['list', {}],
        ['get', { poolId: pool.id }],
        ['contribute', { poolId: pool.id, points: 5, requestId: 'outsider-01' }],
      ] as const) {
        expect(await h.call('pools', action, { communityId: c, ...params }, { openid: 'o_stranger', now: NOW })).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
      }
      for (const job of ['settlePools', 'expireUnpaid'] as const)
        expect(await h.call('jobs', job, {}, { openid: 'o_owner', now: NOW })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await h.call('mall', 'pay', { communityId: c, orderId: 'any-order' }, { openid: 'o_stranger', now: NOW })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      for (const bad of [
        { name: '', goalPoints: 10, endsAt: LATER(1) },
        { name: 'x', goalPoints: 0, endsAt: LATER(1) },
        { name: 'x', goalPoints: 10, endsAt: 'tomorrow' },
        { name: 'x', goalPoints: 10, endsAt: LATER(-1) },
      ]) {
        expect(await h.call('pools', 'upsert', { communityId: c, pool: bad }, { openid: 'o_owner', now: NOW })).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' },
        });
      }
      for (const bad of [{ points: 0 }, { points: -5 }, { points: 1.5 }, { poolId: '../x' }, { requestId: 'short' }]) {
        expect(
          await h.call(
            'pools',
            'contribute',
            { communityId: c, poolId: pool.id, points: 5, requestId: 'bad-000001', ...bad },
            { openid: 'o_alice', now: NOW },
          ),
        ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
      expect(await back('o_alice', 'nopool', 5, 'nopool-001')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await back('o_alice', pool.id, 800, 'toomuch-01')).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS' } });
      await h.ok('community', 'ban', { communityId: c, openid: 'o_bob', banned: true, reason: '小号' }, { openid: 'o_owner', now: NOW });
      expect(await back('o_bob', pool.id, 5, 'banned-001')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await balances()).toEqual([500, 500, 500]);
      const { events } = await h.ok('community', 'audit', { communityId: c }, { openid: 'o_owner', now: NOW });
      expect(events.filter((e) => e.action === 'pools.upsert')).toHaveLength(1);
    });

    it('holds under a burst of 50 backers: each ends ok or with a clear error; the pool never passes its goal; nothing lost or doubled', async () => {
      const backers = Array.from({ length: 50 }, (_, i) => `o_backer${i}`);
      for (const m of backers) {
        await h.ok('community', 'join', { communityId: c, nickname: m }, { openid: m, now: NOW });
        await give(m, 30);
      }
      const { pool } = await h.ok(
        'pools',
        'upsert',
        { communityId: c, pool: { name: '爱心接力', goalPoints: 700, endsAt: LATER(10) } },
        { openid: 'o_owner', now: NOW },
      );
      const replies = await Promise.all(backers.map((m, i) => back(m, pool.id, 20, `burst-${i}-xx`)));
      for (const r of replies) if (!r.ok) expect(['LIMIT_REACHED', 'FORBIDDEN', 'CONFLICT']).toContain(r.error.code);
      const ok = replies.filter((r) => r.ok).length;
      expect(ok).toBe(35);
      // Replays of every request answer as before and move nothing.
      const again = await Promise.all(backers.map((m, i) => back(m, pool.id, 20, `burst-${i}-xx`)));
      again.forEach((r, i) => replies[i].ok && expect(r).toEqual(replies[i]));
      const { pool: after, backers: shown } = await h.ok(
        'pools',
        'get',
        { communityId: c, poolId: pool.id },
        { openid: 'o_owner', now: NOW },
      );
      expect(after).toMatchObject({ raised: 700, backers: 35, status: 'funded' });
      expect(shown.reduce((sum, b) => sum + b.points, 0)).toBe(700);
      const left = await Promise.all(backers.map((m) => me(m)));
      expect(left.reduce((sum, m) => sum + m.balance, 0)).toBe(50 * 30 - 700);
    });
  });

  describe('pooled redemptions (积分众筹)', () => {
    it('reserves the unit, and when funded the reward becomes the starter’s order', async () => {
      const item = await stock({ name: '空气炸锅', pointsPrice: 1200, stock: 1 });
      const started = await start('o_alice', item.id);
      expect(started).toMatchObject({
        ok: true,
        data: {
          pool: { kind: 'pooled', goalPoints: 1200, raised: 0, status: 'open', starter: 'o_alice', itemId: item.id, endsAt: LATER(7) },
        },
      });
      if (!started.ok) return;
      const poolId = started.data.pool.id;
      expect(await start('o_alice', item.id)).toEqual(started);
      expect(await itemOf(item.id)).toMatchObject({ stock: 0, status: 'soldOut' });
      expect(await start('o_bob', item.id, 'start-0002')).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } });
      for (const [m, points, id] of [
        ['o_alice', 500, 'pool-a-001'],
        ['o_bob', 400, 'pool-b-001'],
        ['o_carol', 300, 'pool-c-001'],
      ] as const) {
        expect((await back(m, poolId, points, id)).ok).toBe(true);
      }
      const { orders } = await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_alice', now: NOW });
      expect(orders).toEqual([expect.objectContaining({ itemId: item.id, points: 1200, status: 'pending', needsShipping: true })]);
      const { notices } = await h.ok('notices', 'list', { communityId: c }, { openid: 'o_alice', now: NOW });
      expect(notices.some((n) => n.kind === 'pool_funded')).toBe(true);
      // Settling later changes nothing for a funded pool.
      expect(await settle(LATER(8))).toMatchObject({ failed: 0, refunded: 0 });
      expect(await balances(LATER(8))).toEqual([0, 100, 200]);
    });

    it('fails past its deadline: each backing refunded exactly once, the unit back in stock; a second run changes nothing', async () => {
      const item = await stock({ name: '按摩仪', pointsPrice: 2000, stock: 2, perMemberLimit: 1 });
      const started = await start('o_alice', item.id);
      if (!started.ok) throw new Error('start failed');
      const poolId = started.data.pool.id;
      expect(await start('o_alice', item.id, 'start-0003')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
      await back('o_bob', poolId, 300, 'pool-b-002');
      await back('o_bob', poolId, 100, 'pool-b-003');
      await back('o_carol', poolId, 250, 'pool-c-002');
      expect(await settle(LATER(6))).toMatchObject({ failed: 0, refunded: 0 });
      const runs = await Promise.all([settle(LATER(7)), settle(LATER(7))]);
      expect(runs.reduce((sum, r) => sum + r.failed, 0)).toBe(1);
      expect(runs.reduce((sum, r) => sum + r.refunded, 0)).toBe(2);
      expect(await settle(LATER(8))).toMatchObject({ failed: 0, refunded: 0, more: false });
      expect(await balances(LATER(8))).toEqual([500, 500, 500]);
      expect(await itemOf(item.id)).toMatchObject({ stock: 2, myRedeemed: 0 });
      const { pools } = await h.ok('pools', 'list', { communityId: c }, { openid: 'o_bob', now: LATER(8) });
      expect(pools[0]).toMatchObject({ status: 'failed', myContribution: 400 });
      expect(await back('o_bob', poolId, 1, 'pool-b-004', LATER(8))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const { entries } = await h.ok('points', 'ledger', { communityId: c }, { openid: 'o_bob', now: LATER(8) });
      expect(entries.filter((e) => e.kind === 'refund')).toEqual([expect.objectContaining({ delta: 400, refId: poolId })]);
      // A replay of the start answers as it first did, not as the pool stands now.
      expect(await start('o_alice', item.id, 'start-0001', LATER(8))).toEqual(started);
      // The starter may start again now that the unit and the limit are back.
      expect((await start('o_alice', item.id, 'start-0004', LATER(8))).ok).toBe(true);
    });

    it('a community that cannot be read for a moment leaves the refunds for the next run', async () => {
      const item = await stock({ name: '按摩椅', pointsPrice: 2000, stock: 1 });
      const started = await start('o_alice', item.id);
      if (!started.ok) throw new Error('start failed');
      await back('o_bob', started.data.pool.id, 300, 'pool-b-flaky');
      expect(
        await sqliteHarness(readsFailing(h.store, 'communities')).ok('jobs', 'settlePools', {}, { ...TRIGGER, now: LATER(8) }),
      ).toEqual({ failed: 1, refunded: 0, more: false });
      expect(await settle(LATER(8))).toEqual({ failed: 0, refunded: 1, more: false });
      expect(await balances(LATER(8))).toEqual([500, 500, 500]);
    });

    it('a cancelled pooled order refunds the backers, not the starter', async () => {
      const item = await stock({ name: '保温杯', pointsPrice: 600, stock: 1 });
      const started = await start('o_carol', item.id);
      if (!started.ok) throw new Error('start failed');
      await back('o_alice', started.data.pool.id, 350, 'pool-a-003');
      await back('o_bob', started.data.pool.id, 250, 'pool-b-005');
      const [order] = (await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_carol', now: NOW })).orders;
      await h.ok('mall', 'cancel', { communityId: c, orderId: order.id, reason: '缺货' }, { openid: 'o_owner', now: NOW });
      expect(await settle(LATER(1))).toMatchObject({ failed: 0, refunded: 2 });
      expect(await balances(LATER(1))).toEqual([500, 500, 500]);
      expect(await itemOf(item.id)).toMatchObject({ stock: 1 });
    });

    it('refuses coupons, outsiders and the banned', async () => {
      const coupon = await stock({ name: '优惠券', kind: 'coupon', pointsPrice: 100, stock: 0 });
      expect(await start('o_alice', coupon.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const item = await stock({ name: '围巾', pointsPrice: 800, stock: 3 });
      expect(await start('o_stranger', item.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await start('o_alice', 'noitem')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await itemOf(item.id)).toMatchObject({ stock: 3 });
    });
  });
});
