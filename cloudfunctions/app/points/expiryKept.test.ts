import type { Lot } from '../../core/ledger';
import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

let h: Harness;
let c: string;
/** Points earned on 1 March expire 2 March next year with the default 365 days; those earned in June, in June. */
const MARCH = '2026-03-01T04:00:00Z';
const JUNE = '2026-06-01T04:00:00Z';
const later = (minutes: number) => new Date(Date.parse(JUNE) + minutes * 60_000).toISOString();
const SHIPPING = { name: '小美', phone: '13800000000', address: '上海市静安区某路 1 号' };
const TRIGGER = { openid: null, source: 'wx_trigger' } as const;

/**
 * Points that come back — a refund of a cancelled or expired order, of a failed 众筹 — or that
 * are passed on as a gift keep the expiry they had: otherwise spending and getting points back
 * (redeem a points + cash reward and let it lapse) would renew points about to expire.
 */
eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h, '2026-02-20T02:00:00Z');
    // alice: 600 from March (expiring first), 400 from June.
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_alice', delta: 600, reason: '三月活动', requestId: 'keep-give-0001' },
      { openid: 'o_owner', now: MARCH },
    );
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_alice', delta: 400, reason: '六月活动', requestId: 'keep-give-0002' },
      { openid: 'o_owner', now: JUNE },
    );
  });
  const lots = async (openid: string): Promise<Lot[]> => (await h.store.get('members', `${c}:${openid}`))!.lots as Lot[];

  it('an unpaid points + cash order that lapses gives the points back with their old expiry', async () => {
    const before = await lots('o_alice');
    expect(before.map((l) => l.points)).toEqual([600, 400]);
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '净化器', pointsPrice: 700, cashPrice: 100, stock: 1 } },
      { openid: 'o_owner', now: JUNE },
    );
    await h.ok(
      'mall',
      'redeem',
      { communityId: c, itemId: item.id, requestId: 'keep-cash-01', shipping: SHIPPING },
      { openid: 'o_alice', now: later(1) },
    );
    expect((await lots('o_alice')).map((l) => l.points)).toEqual([300]);
    await h.ok('jobs', 'expireUnpaid', {}, { ...TRIGGER, now: later(20) });
    expect(await lots('o_alice')).toEqual(before);
  });

  it('a cancelled order and a failed 众筹 give the points back with their old expiry', async () => {
    const before = await lots('o_alice');
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '课', kind: 'service', pointsPrice: 650, stock: 2 } },
      { openid: 'o_owner', now: JUNE },
    );
    const { order } = await h.ok(
      'mall',
      'redeem',
      { communityId: c, itemId: item.id, requestId: 'keep-redeem-1' },
      { openid: 'o_alice', now: later(1) },
    );
    await h.ok('mall', 'cancel', { communityId: c, orderId: order.id, reason: '时间冲突' }, { openid: 'o_owner', now: later(2) });
    expect(await lots('o_alice')).toEqual(before);

    const { pool } = await h.ok(
      'pools',
      'start',
      { communityId: c, itemId: item.id, requestId: 'keep-pool-01' },
      { openid: 'o_bob', now: later(3) },
    );
    await h.ok(
      'pools',
      'contribute',
      { communityId: c, poolId: pool.id, points: 100, requestId: 'keep-back-01' },
      { openid: 'o_alice', now: later(4) },
    );
    await h.ok(
      'pools',
      'contribute',
      { communityId: c, poolId: pool.id, points: 550, requestId: 'keep-back-02' },
      { openid: 'o_alice', now: later(5) },
    );
    await h.ok('mall', 'cancel', { communityId: c, orderId: `pool_${pool.id}`, reason: '缺货' }, { openid: 'o_owner', now: later(6) });
    await h.ok('jobs', 'settlePools', {}, { ...TRIGGER, now: later(7) });
    expect(await lots('o_alice')).toEqual(before);
  });

  it('a gift arrives with the expiry it had', async () => {
    await h.ok(
      'points',
      'transfer',
      { communityId: c, to: 'o_bob', amount: 80, requestId: 'keep-gift-01' },
      { openid: 'o_alice', now: later(1) },
    );
    const [alice] = await lots('o_alice');
    expect(await lots('o_bob')).toEqual([{ expiresAt: alice.expiresAt, points: 80 }]);
  });
});
