import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

/** API v3 "liability against stock": what members hold beside what the mall can honour. */
const NOW = '2026-03-02T02:00:00Z';
const later = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString();
const owner = (now = NOW) => ({ openid: 'o_owner', now });

eachStore((open) => {
  let h: Harness;
  let c: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
  });

  it('counts redemptions per reward (a cancelled one not), the stock on sale in points, the unwanted rewards, and warns when members hold more', async () => {
    await h.ok('points', 'adjust', { communityId: c, openid: 'o_alice', delta: 900, reason: '活动', requestId: 'give-mall-01' }, owner());
    const cup = (
      await h.ok('mall', 'upsertItem', { communityId: c, item: { name: '杯子', kind: 'service', pointsPrice: 100, stock: 4 } }, owner())
    ).item;
    await h.ok('mall', 'upsertItem', { communityId: c, item: { name: '帆布袋', kind: 'service', pointsPrice: 50, stock: 2 } }, owner());
    const orders = [];
    for (const n of [1, 2])
      orders.push(
        (await h.ok('mall', 'redeem', { communityId: c, itemId: cup.id, requestId: `mall-bal-${n}xxx` }, { openid: 'o_alice', now: NOW }))
          .order,
      );
    await h.ok('mall', 'cancel', { communityId: c, orderId: orders[1].id, reason: '不要了' }, owner());
    await h.ok('jobs', 'rollupStats', {}, { openid: null, source: 'wx_trigger', now: later(15) });
    const balance = await h.ok('stats', 'mall', { communityId: c }, owner(later(15)));
    // Alice holds 800 (900 − 100 kept); the shelf: 3 cups × 100 + 2 bags × 50 = 400.
    expect(balance).toMatchObject({
      liability: 800,
      stockPoints: 400,
      unredeemed: ['帆布袋'],
      warning: expect.stringContaining('成员手里有 800 积分，商城库存只够兑换 400 积分'),
    });
    expect(balance.rewards.map((r) => [r.name, r.redeemed, r.stock])).toEqual([
      ['杯子', 1, 3],
      ['帆布袋', 0, 2],
    ]);
    expect(await h.call('stats', 'mall', { communityId: c }, { openid: 'o_alice', now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
