import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

/** #28 item 3: an order's detail — the address, and once shipped the courier and tracking number — for its member and staff only. */
const NOW = '2026-03-02T02:00:00Z';
const as = (openid: string) => ({ openid, now: NOW });
const owner = as('o_owner');
const SHIPPING = { name: '小美', phone: '13800000000', address: '上海市徐汇区漕溪北路 88 号' };

eachStore((open) => {
  let h: Harness;
  let c: string;
  let orderId: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
    await h.ok('points', 'adjust', { communityId: c, openid: 'o_alice', delta: 200, reason: '起始', requestId: 'detail-seed' }, owner);
    const { item } = await h.ok('mall', 'upsertItem', { communityId: c, item: { name: '帆布袋', pointsPrice: 50, stock: 5 } }, owner);
    orderId = (
      await h.ok('mall', 'redeem', { communityId: c, itemId: item.id, requestId: 'detail-buy-1', shipping: SHIPPING }, as('o_alice'))
    ).order.id;
  });

  it('ships with a courier and tracking number that the member sees on the order and in the notice', async () => {
    expect((await h.ok('mall', 'order', { communityId: c, orderId }, as('o_alice'))).order).toMatchObject({
      status: 'pending',
      shipping: SHIPPING,
      delivery: null,
    });
    for (const bad of [
      { courier: '顺丰' },
      { trackingNo: 'SF1234567890' },
      { courier: '顺丰', trackingNo: 'SF 123' },
      { courier: '', trackingNo: 'SF1234567890' },
    ]) {
      expect(await h.call('mall', 'fulfil', { communityId: c, orderId, ...bad }, owner)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    await h.ok('mall', 'fulfil', { communityId: c, orderId, courier: '顺丰速运', trackingNo: 'SF1234567890' }, owner);
    const { order } = await h.ok('mall', 'order', { communityId: c, orderId }, as('o_alice'));
    expect(order).toMatchObject({ status: 'fulfilled', delivery: { courier: '顺丰速运', trackingNo: 'SF1234567890' } });
    const { notices } = await h.ok('notices', 'list', { communityId: c }, as('o_alice'));
    expect(notices.find((n) => n.kind === 'order_fulfilled')).toMatchObject({ title: '「帆布袋」已发货', body: '顺丰速运 SF1234567890' });
  });

  it('shows an order to its member and to staff, and to nobody else', async () => {
    expect((await h.ok('mall', 'order', { communityId: c, orderId }, owner)).order.id).toBe(orderId);
    expect(await h.call('mall', 'order', { communityId: c, orderId }, as('o_bob'))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await h.call('mall', 'order', { communityId: c, orderId: '../x' }, as('o_alice'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
