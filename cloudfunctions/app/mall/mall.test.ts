import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

let h: Harness;
let c: string;
const NOW = '2026-06-01T04:00:00Z';
const SHIPPING = { name: '小美', phone: '13800000000', address: '上海市静安区某路 1 号' };

eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
  });

  const give = (openid: string, delta: number, key = `${openid}-${delta}`) =>
    h.ok(
      'points',
      'adjust',
      { communityId: c, openid, delta, reason: '测试发分', requestId: `give-${key}`.padEnd(8, 'x') },
      { openid: 'o_owner', now: NOW },
    );
  const stock = (item: Record<string, unknown>) =>
    h.ok('mall', 'upsertItem', { communityId: c, item }, { openid: 'o_owner', now: NOW }).then((r) => r.item);
  const redeem = (openid: string, itemId: string, requestId: string, extra: Record<string, unknown> = {}) =>
    h.call('mall', 'redeem', { communityId: c, itemId, requestId, shipping: SHIPPING, ...extra }, { openid, now: NOW });
  const balanceOf = async (openid: string) => (await h.ok('points', 'me', { communityId: c }, { openid, now: NOW })).balance as number;

  describe('mall', () => {
    it('redeems: spends points, moves stock, records the order and the ledger entry together', async () => {
      await give('o_alice', 300);
      const item = await stock({ name: '护手霜试用装', pointsPrice: 120, stock: 3, perMemberLimit: 2 });
      const reply = await redeem('o_alice', item.id, 'redeem-0001');
      expect(reply).toMatchObject({
        ok: true,
        data: { order: { itemId: item.id, quantity: 1, points: 120, status: 'pending' }, balance: 180 },
      });
      const { items } = await h.ok('mall', 'items', { communityId: c }, { openid: 'o_alice', now: NOW });
      expect(items[0]).toMatchObject({ id: item.id, stock: 2, myRedeemed: 1, affordable: true, status: 'open' });
      expect(items[0].codesLeft).toBeUndefined();
      const { entries } = await h.ok('points', 'ledger', { communityId: c }, { openid: 'o_alice' });
      expect(entries[0]).toMatchObject({ kind: 'spend', delta: -120, balanceAfter: 180, refId: reply.ok && reply.data.order.id });
      const { orders } = await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_alice' });
      expect(orders).toHaveLength(1);
      expect(orders[0]).toMatchObject({ itemName: '护手霜试用装', shipping: SHIPPING, status: 'pending' });
    });

    it('lets 30 members race for 5 units: exactly 5 orders, stock 0, points conserved', async () => {
      const members = Array.from({ length: 30 }, (_, i) => `o_racer${i}`);
      for (const m of members) {
        await h.ok('community', 'join', { communityId: c }, { openid: m, now: NOW });
        await give(m, 100);
      }
      const item = await stock({ name: '限量周边', pointsPrice: 100, stock: 5 });
      const replies = await Promise.all(members.map((m, i) => redeem(m, item.id, `race-${i}-xxxx`)));
      expect(replies.filter((r) => r.ok)).toHaveLength(5);
      expect(replies.filter((r) => !r.ok).every((r: any) => r.error.code === 'OUT_OF_STOCK')).toBe(true);
      const { items } = await h.ok('mall', 'items', { communityId: c }, { openid: 'o_owner', now: NOW });
      expect(items.find((i: any) => i.id === item.id)).toMatchObject({ stock: 0, status: 'soldOut' });
      const balances = await Promise.all(members.map(balanceOf));
      expect(balances.reduce((a, b) => a + b, 0)).toBe(30 * 100 - 5 * 100);
      const { orders } = await h.ok('mall', 'orders', { communityId: c, scope: 'all', limit: 100 }, { openid: 'o_owner' });
      expect(orders).toHaveLength(5);
    });

    it('lets one member’s 10 concurrent redemptions spend a balance that covers one', async () => {
      await give('o_alice', 150);
      const item = await stock({ name: '体验课', kind: 'service', pointsPrice: 100, stock: 50 });
      const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => redeem('o_alice', item.id, `burst-${i}-xxxx`)));
      expect(replies.filter((r) => r.ok)).toHaveLength(1);
      expect(replies.filter((r) => !r.ok).every((r: any) => r.error.code === 'INSUFFICIENT_POINTS')).toBe(true);
      expect(await balanceOf('o_alice')).toBe(50);
    });

    it('returns the first order for a replayed requestId and refuses a changed one', async () => {
      await give('o_alice', 500);
      const item = await stock({ name: '试用装', pointsPrice: 100, stock: 10 });
      const replies = await Promise.all(Array.from({ length: 5 }, () => redeem('o_alice', item.id, 'replay-0001')));
      expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1);
      expect(await redeem('o_alice', item.id, 'replay-0001', { quantity: 2 })).toMatchObject({ error: { code: 'IDEMPOTENCY_MISMATCH' } });
      expect(await balanceOf('o_alice')).toBe(400);
    });

    it('holds per-member limits, flash windows and tier locks', async () => {
      await give('o_alice', 450);
      const limited = await stock({ name: '每人一份', pointsPrice: 10, stock: 10, perMemberLimit: 1 });
      expect((await redeem('o_alice', limited.id, 'limit-0001')).ok).toBe(true);
      expect(await redeem('o_alice', limited.id, 'limit-0002')).toMatchObject({ error: { code: 'LIMIT_REACHED' } });
      const flash = await stock({
        name: '整点秒杀',
        pointsPrice: 10,
        stock: 10,
        startsAt: '2026-06-01T13:00:00+08:00',
        endsAt: '2026-06-01T14:00:00+08:00',
      });
      expect(await redeem('o_alice', flash.id, 'flash-0001')).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const during = await h.call(
        'mall',
        'redeem',
        { communityId: c, itemId: flash.id, requestId: 'flash-0002', shipping: SHIPPING },
        { openid: 'o_alice', now: '2026-06-01T05:30:00Z' },
      );
      expect(during.ok).toBe(true);
      const gold = await stock({ name: '金卡专享', pointsPrice: 10, stock: 10, minTier: '银' });
      const { items } = await h.ok('mall', 'items', { communityId: c }, { openid: 'o_alice', now: NOW });
      expect(items.find((i: any) => i.id === gold.id)).toMatchObject({ locked: true });
      expect(await redeem('o_alice', gold.id, 'tier-0001')).toMatchObject({ error: { code: 'FORBIDDEN' } });
      await give('o_alice', 100, 'more');
      expect((await redeem('o_alice', gold.id, 'tier-0002')).ok).toBe(true);
    });

    it('hands out one coupon code per unit, atomically', async () => {
      await give('o_alice', 100);
      await give('o_bob', 100);
      const coupon = await stock({ name: '满100减20券', kind: 'coupon', pointsPrice: 50, stock: 99 });
      expect(coupon.stock).toBe(0);
      const loaded = await h.ok(
        'mall',
        'loadCodes',
        { communityId: c, itemId: coupon.id, codes: ['A1', 'A2', 'A3', 'A1'] },
        { openid: 'o_owner' },
      );
      expect(loaded).toEqual({ added: 3, skipped: 1, stock: 3 });
      const [a, b] = await Promise.all([
        redeem('o_alice', coupon.id, 'coupon-0001', { quantity: 2 }),
        redeem('o_bob', coupon.id, 'coupon-0002', { quantity: 2 }),
      ]);
      const won = [a, b].filter((r) => r.ok) as any[];
      expect(won).toHaveLength(1);
      expect(won[0].data.order).toMatchObject({ status: 'fulfilled', couponCodes: ['A1', 'A2'] });
      const last = await redeem(won[0] === a ? 'o_bob' : 'o_alice', coupon.id, 'coupon-0003');
      expect(last).toMatchObject({ ok: true, data: { order: { couponCodes: ['A3'] } } });
    });

    it('cancels once under concurrency: one refund, stock back, limit given back', async () => {
      await give('o_alice', 100);
      const item = await stock({ name: '抱枕', pointsPrice: 100, stock: 1, perMemberLimit: 1 });
      const reply = (await redeem('o_alice', item.id, 'cancel-0001')) as any;
      const cancels = await Promise.all(
        Array.from({ length: 6 }, () =>
          h.call('mall', 'cancel', { communityId: c, orderId: reply.data.order.id, reason: '缺货' }, { openid: 'o_owner', now: NOW }),
        ),
      );
      expect(cancels.filter((r) => r.ok)).toHaveLength(1);
      expect(cancels.filter((r: any) => !r.ok).every((r: any) => r.error.code === 'ALREADY_DONE')).toBe(true);
      expect(await balanceOf('o_alice')).toBe(100);
      const { entries } = await h.ok('points', 'ledger', { communityId: c }, { openid: 'o_alice' });
      expect(entries.filter((e: any) => e.kind === 'refund')).toHaveLength(1);
      expect((await redeem('o_alice', item.id, 'cancel-0002')).ok).toBe(true);
    });

    it('fulfils once, refuses to cancel what was fulfilled, and keeps members out of staff actions', async () => {
      await give('o_alice', 100);
      const item = await stock({ name: '书', pointsPrice: 100, stock: 1 });
      const { data } = (await redeem('o_alice', item.id, 'fulfil-0001')) as any;
      expect(await h.call('mall', 'fulfil', { communityId: c, orderId: data.order.id }, { openid: 'o_alice' })).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(await h.call('mall', 'orders', { communityId: c, scope: 'all' }, { openid: 'o_alice' })).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(
        await h.call('mall', 'upsertItem', { communityId: c, item: { name: 'x', pointsPrice: 1, stock: 1 } }, { openid: 'o_alice' }),
      ).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const done = await h.ok('mall', 'fulfil', { communityId: c, orderId: data.order.id, note: '顺丰 SF123' }, { openid: 'o_owner' });
      expect(done.order).toMatchObject({ status: 'fulfilled', note: '顺丰 SF123' });
      expect(await h.call('mall', 'fulfil', { communityId: c, orderId: data.order.id }, { openid: 'o_owner' })).toMatchObject({
        error: { code: 'ALREADY_DONE' },
      });
      expect(await h.call('mall', 'cancel', { communityId: c, orderId: data.order.id, reason: 'x' }, { openid: 'o_owner' })).toMatchObject({
        error: { code: 'CONFLICT' },
      });
    });

    it('refuses bad input without changing anything', async () => {
      await give('o_alice', 100);
      const item = await stock({ name: '围巾', pointsPrice: 100, stock: 1 });
      for (const bad of [
        { quantity: 0 },
        { quantity: 1.5 },
        { requestId: 'short' },
        { itemId: 'no such' },
        { shipping: { name: '', phone: 'x', address: '' } },
      ]) {
        expect(await redeem('o_alice', item.id, 'ship-0002', bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
      expect(await redeem('o_alice', 'missing-item', 'ship-0003')).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect(await balanceOf('o_alice')).toBe(100);
      expect(
        await h.call(
          'mall',
          'upsertItem',
          { communityId: c, item: { name: 'x', pointsPrice: 1, stock: 1, minTier: '钻石' } },
          { openid: 'o_owner' },
        ),
      ).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    });

    it('v1: a physical reward redeemed without an address waits for one (setShipping) and cannot be shipped before', async () => {
      await give('o_alice', 100);
      // Exactly v1's fields: no kind (physical), no shipping.
      const { item } = await h.ok(
        'mall',
        'upsertItem',
        { communityId: c, item: { name: '围巾', pointsPrice: 100, stock: 1 } },
        { openid: 'o_owner', now: NOW },
      );
      const redeemed = await h.ok(
        'mall',
        'redeem',
        { communityId: c, itemId: item.id, requestId: 'v1-redeem-01' },
        { openid: 'o_alice', now: NOW },
      );
      expect(redeemed).toMatchObject({
        order: { itemId: item.id, quantity: 1, points: 100, status: 'pending', needsShipping: true },
        balance: 0,
      });
      const orderId = redeemed.order.id;
      expect((await h.ok('mall', 'orders', { communityId: c, scope: 'all' }, { openid: 'o_owner', now: NOW })).orders[0]).toMatchObject({
        id: orderId,
        needsShipping: true,
        shipping: null,
      });
      expect(await h.call('mall', 'fulfil', { communityId: c, orderId }, { openid: 'o_owner', now: NOW })).toMatchObject({
        error: { code: 'CONFLICT', message: expect.stringContaining('收货地址') },
      });

      expect(
        await h.call('mall', 'setShipping', { communityId: c, orderId, shipping: SHIPPING }, { openid: 'o_bob', now: NOW }),
      ).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect(
        await h.call(
          'mall',
          'setShipping',
          { communityId: c, orderId, shipping: { name: '王', phone: 'x', address: '' } },
          { openid: 'o_alice', now: NOW },
        ),
      ).toMatchObject({ error: { code: 'INVALID_INPUT' } });
      const shipped = await h.ok('mall', 'setShipping', { communityId: c, orderId, shipping: SHIPPING }, { openid: 'o_alice', now: NOW });
      expect(shipped.order).toMatchObject({ shipping: SHIPPING, needsShipping: false, status: 'pending' });
      await h.ok('mall', 'fulfil', { communityId: c, orderId, note: '顺丰 SF1' }, { openid: 'o_owner', now: NOW });
      expect(
        await h.call('mall', 'setShipping', { communityId: c, orderId, shipping: SHIPPING }, { openid: 'o_alice', now: NOW }),
      ).toMatchObject({ error: { code: 'CONFLICT' } });

      const service = await stock({ name: '咨询', kind: 'service', pointsPrice: 1, stock: 1 });
      await give('o_alice', 1);
      const served = (await redeem('o_alice', service.id, 'v1-redeem-02')) as any;
      expect(served.data.order.needsShipping).toBe(false);
      expect(
        await h.call(
          'mall',
          'setShipping',
          { communityId: c, orderId: served.data.order.id, shipping: SHIPPING },
          { openid: 'o_alice', now: NOW },
        ),
      ).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    });

    it('tells the member when their order is shipped or cancelled, once', async () => {
      await give('o_alice', 200);
      const item = await stock({ name: '抱枕', pointsPrice: 50, stock: 5 });
      const first = (await redeem('o_alice', item.id, 'notice-0001')) as any;
      const second = (await redeem('o_alice', item.id, 'notice-0002')) as any;
      await h.ok('mall', 'fulfil', { communityId: c, orderId: first.data.order.id, note: '顺丰 SF123' }, { openid: 'o_owner', now: NOW });
      await h.ok('mall', 'cancel', { communityId: c, orderId: second.data.order.id, reason: '缺货' }, { openid: 'o_owner', now: NOW });
      expect(
        await h.call('mall', 'cancel', { communityId: c, orderId: second.data.order.id, reason: '缺货' }, { openid: 'o_owner', now: NOW }),
      ).toMatchObject({ error: { code: 'ALREADY_DONE' } });
      const { notices } = await h.ok('notices', 'list', { communityId: c }, { openid: 'o_alice', now: NOW });
      const about = (kind: string) => notices.filter((n) => n.kind === kind);
      expect(about('order_fulfilled')).toMatchObject([
        { refId: first.data.order.id, title: '「抱枕」已发货', body: '顺丰 SF123', points: 0 },
      ]);
      expect(about('order_cancelled')).toMatchObject([
        { refId: second.data.order.id, title: '订单「抱枕」已取消，50 积分已退回', body: '缺货', points: 50 },
      ]);
    });

    it('a physical lottery prize waits for its address the same way', async () => {
      await give('o_alice', 10);
      const { draw } = await h.ok(
        'mall',
        'upsertDraw',
        { communityId: c, draw: { name: '必中', costPoints: 5, prizes: [{ name: '抱枕', weight: 10_000, stock: 1, kind: 'physical' }] } },
        { openid: 'o_owner', now: NOW },
      );
      const won = await h.ok(
        'mall',
        'draw',
        { communityId: c, drawId: draw.id, requestId: 'v1-draw-0001' },
        { openid: 'o_alice', now: NOW },
      );
      const orderId = won.orderId!;
      expect((await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_alice', now: NOW })).orders[0]).toMatchObject({
        id: orderId,
        needsShipping: true,
      });
      expect(
        (await h.ok('mall', 'setShipping', { communityId: c, orderId, shipping: SHIPPING }, { openid: 'o_alice', now: NOW })).order
          .needsShipping,
      ).toBe(false);
    });

    it('answers every replay of a redemption with its first order, at any age, even after the reward sold out', async () => {
      await give('o_alice', 300);
      const item = await stock({ name: '试用装', kind: 'service', pointsPrice: 100, stock: 1 });
      const first = (await redeem('o_alice', item.id, 'window-0001')) as any;
      const again = (now: string, extra: Record<string, unknown> = {}) =>
        h.call(
          'mall',
          'redeem',
          { communityId: c, itemId: item.id, requestId: 'window-0001', shipping: SHIPPING, ...extra },
          { openid: 'o_alice', now },
        ) as any;
      for (const later of ['2026-06-02T03:59:59Z', '2026-06-02T04:00:00Z', '2026-06-04T04:00:00Z', '2027-05-30T04:00:00Z']) {
        expect(await again(later)).toEqual(first);
      }
      expect(await again('2026-06-04T04:00:00Z', { quantity: 2 })).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });
      expect(await balanceOf('o_alice')).toBe(200);
      const { orders } = await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_alice' });
      expect(orders).toHaveLength(1);
      // Another member's identical requestId is their own request.
      await give('o_bob', 100);
      expect(await redeem('o_bob', item.id, 'window-0001')).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } });
    });

    it('issues a coupon code once, ever: loading an issued code again adds nothing', async () => {
      await give('o_alice', 100);
      await give('o_bob', 100);
      const item = await stock({ name: '券', kind: 'coupon', pointsPrice: 10, stock: 0 });
      expect(
        await h.ok('mall', 'loadCodes', { communityId: c, itemId: item.id, codes: ['CODE-A'] }, { openid: 'o_owner', now: NOW }),
      ).toMatchObject({ added: 1, stock: 1 });
      const alice = (await redeem('o_alice', item.id, 'coupon-0001')) as any;
      expect(alice.data.order.couponCodes).toEqual(['CODE-A']);
      expect(
        await h.ok('mall', 'loadCodes', { communityId: c, itemId: item.id, codes: ['CODE-A', 'CODE-B'] }, { openid: 'o_owner', now: NOW }),
      ).toMatchObject({
        added: 1,
        skipped: 1,
        stock: 1,
      });
      const bob = (await redeem('o_bob', item.id, 'coupon-0002')) as any;
      expect(bob.data.order.couponCodes).toEqual(['CODE-B']);
      expect(await redeem('o_bob', item.id, 'coupon-0003')).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } });
    });

    it('issues a coupon code once in the community: another reward cannot take a code issued or waiting in one', async () => {
      await give('o_alice', 100);
      const load = (itemId: string, codes: string[]) =>
        h.ok('mall', 'loadCodes', { communityId: c, itemId, codes }, { openid: 'o_owner', now: NOW });
      const first = await stock({ name: '满减券', kind: 'coupon', pointsPrice: 10, stock: 0 });
      const second = await stock({ name: '新人券', kind: 'coupon', pointsPrice: 10, stock: 0 });
      await load(first.id, ['CODE-A', 'CODE-W']);
      expect(((await redeem('o_alice', first.id, 'coupon-x-001')) as any).data.order.couponCodes).toEqual(['CODE-A']);
      // CODE-A is issued, CODE-W waits in the first reward: neither goes into the second.
      expect(await load(second.id, ['CODE-A', 'CODE-W', 'CODE-B'])).toMatchObject({ added: 1, skipped: 2, stock: 1 });
      const { items } = await h.ok('mall', 'items', { communityId: c }, { openid: 'o_owner', now: NOW });
      expect(items.map((i) => [i.name, i.stock]).sort()).toEqual([
        ['新人券', 1],
        ['满减券', 1],
      ]);
      // Two loads racing one fresh code into the two rewards: exactly one takes it.
      const racing = await Promise.all(
        [first.id, second.id].map((itemId) =>
          h.call('mall', 'loadCodes', { communityId: c, itemId, codes: ['CODE-RACE'] }, { openid: 'o_owner', now: NOW }),
        ),
      );
      const added = racing.map((r) => (r.ok ? r.data.added : 0));
      expect(added.sort()).toEqual([0, 1]);
      // Another community keeps its own book.
      const other = (await h.ok('community', 'create', { name: '别的群' }, { openid: 'o_owner', now: NOW })).community.id;
      const elsewhere = (
        await h.ok(
          'mall',
          'upsertItem',
          { communityId: other, item: { name: '券', kind: 'coupon', pointsPrice: 10, stock: 0 } },
          { openid: 'o_owner', now: NOW },
        )
      ).item;
      expect(
        await h.ok('mall', 'loadCodes', { communityId: other, itemId: elsewhere.id, codes: ['CODE-A'] }, { openid: 'o_owner', now: NOW }),
      ).toMatchObject({ added: 1 });
    });

    it('lets exactly one of a racing fulfil and cancel win, with the points to match', async () => {
      let expected = 0;
      for (let round = 0; round < 4; round++) {
        await give('o_alice', 100, `race-${round}`);
        const item = await stock({ name: `赛跑${round}`, kind: 'service', pointsPrice: 100, stock: 1 });
        const { data } = (await redeem('o_alice', item.id, `fc-race-${round}-x`)) as any;
        const [fulfil, cancel] = await Promise.all([
          h.call('mall', 'fulfil', { communityId: c, orderId: data.order.id }, { openid: 'o_owner', now: NOW }),
          h.call('mall', 'cancel', { communityId: c, orderId: data.order.id, reason: '重复' }, { openid: 'o_owner', now: NOW }),
        ]);
        expect([fulfil.ok, cancel.ok].filter(Boolean)).toHaveLength(1);
        expected += cancel.ok ? 100 : 0; // each round gives 100 and spends 100; only a cancel refunds
        expect(await balanceOf('o_alice')).toBe(expected);
      }
    });

    it('refuses outsiders every mall action and shows members only their own orders', async () => {
      await give('o_alice', 100);
      await give('o_bob', 100);
      const item = await stock({ name: '券', kind: 'service', pointsPrice: 10, stock: 10 });
      await redeem('o_alice', item.id, 'mine-0001');
      await redeem('o_bob', item.id, 'mine-0002');
      for (const [action, params] of [
        ['items', {}],
        ['redeem', { itemId: item.id, requestId: 'outsider-01' }],
        ['orders', {}],
        ['draws', {}],
        ['draw', { drawId: 'any', requestId: 'outsider-02' }],
      ] as const) {
        expect(await h.call('mall', action, { communityId: c, ...params }, { openid: 'o_stranger', now: NOW })).toMatchObject({
          error: { code: 'FORBIDDEN' },
        });
      }
      const { orders } = await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_alice' });
      expect(orders.map((o: any) => o.openid)).toEqual(['o_alice']);
    });

    it('hides inactive rewards and draws from members and refuses them', async () => {
      await give('o_alice', 100);
      const item = await stock({ name: '下架品', kind: 'service', pointsPrice: 10, stock: 10, active: false });
      const { items } = await h.ok('mall', 'items', { communityId: c }, { openid: 'o_alice', now: NOW });
      expect(items.map((i: any) => i.id)).not.toContain(item.id);
      expect((await h.ok('mall', 'items', { communityId: c }, { openid: 'o_owner', now: NOW })).items.map((i: any) => i.id)).toContain(
        item.id,
      );
      expect(await redeem('o_alice', item.id, 'inactive-01')).toMatchObject({ error: { code: 'NOT_FOUND' } });
      const { draw } = await h.ok(
        'mall',
        'upsertDraw',
        { communityId: c, draw: { name: '停用', costPoints: 1, active: false, prizes: [{ name: 'a', weight: 1, stock: 1 }] } },
        { openid: 'o_owner' },
      );
      expect((await h.ok('mall', 'draws', { communityId: c }, { openid: 'o_alice' })).draws).toEqual([]);
      expect(
        await h.call('mall', 'draw', { communityId: c, drawId: draw.id, requestId: 'inactive-02' }, { openid: 'o_alice' }),
      ).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect(await balanceOf('o_alice')).toBe(100);
    });
  });
});
