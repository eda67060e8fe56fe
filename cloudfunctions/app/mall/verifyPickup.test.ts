import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

/** #24 item 2: 核销 — service, coupon and prize orders redeemed once by scanning their code. */
const NOW = '2026-03-02T02:00:00Z';
const owner = { openid: 'o_owner', now: NOW };

eachStore((open) => {
  let h: Harness;
  let c: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
    await h.ok('community', 'join', { communityId: c, nickname: '阿杰' }, { openid: 'o_mod', now: NOW });
    await h.ok('community', 'setRole', { communityId: c, openid: 'o_mod', role: 'moderator' }, owner);
    await h.ok('points', 'adjust', { communityId: c, openid: 'o_alice', delta: 500, reason: '起始', requestId: 'verify-seed1' }, owner);
  });
  const redeem = async (kind: 'service' | 'physical', requestId: string) => {
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: kind === 'service' ? '到店美甲' : '帆布袋', kind, pointsPrice: 50, stock: 5 } },
      owner,
    );
    return (
      await h.ok(
        'mall',
        'redeem',
        {
          communityId: c,
          itemId: item.id,
          requestId,
          ...(kind === 'physical' ? { shipping: { name: '小美', phone: '13800000000', address: '上海市某路 1 号' } } : {}),
        },
        { openid: 'o_alice', now: NOW },
      )
    ).order.id as string;
  };
  const mine = async () => (await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_alice', now: NOW })).orders;

  it('a service order carries a code the member shows; staff redeem it once, a second scan says who and when; staff home counts what waits', async () => {
    const orderId = await redeem('service', 'verify-buy-1');
    await redeem('physical', 'verify-buy-2');
    const order = (await mine()).find((o) => o.id === orderId)!;
    expect(order.pickupCode).toMatch(/^[A-Z2-9]{8}$/);
    expect((await mine()).find((o) => o.id !== orderId)!.pickupCode).toBeNull();
    expect(await h.ok('mall', 'pickupsWaiting', { communityId: c }, owner)).toEqual({ waiting: 1 });
    const typed = `${order.pickupCode!.slice(0, 4).toLowerCase()} ${order.pickupCode!.slice(4)}`;
    const scans = await Promise.all([
      h.call('mall', 'verify', { communityId: c, pickupCode: typed }, { openid: 'o_mod', now: NOW }),
      h.call('mall', 'verify', { communityId: c, pickupCode: order.pickupCode }, owner),
    ]);
    expect(scans.filter((s) => s.ok)).toHaveLength(1);
    const again = await h.call('mall', 'verify', { communityId: c, pickupCode: order.pickupCode }, owner);
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE', message: expect.stringMatching(/^已于 2026-03-02 10:00 由 \S+ 核销过了$/) },
    });
    const done = (await mine()).find((o) => o.id === orderId)!;
    expect(done).toMatchObject({ status: 'fulfilled', verifiedAt: NOW.replace('Z', '.000Z') });
    expect(await h.ok('mall', 'pickupsWaiting', { communityId: c }, owner)).toEqual({ waiting: 0 });
    const { notices } = await h.ok('notices', 'list', { communityId: c }, { openid: 'o_alice', now: NOW });
    expect(notices.filter((n) => n.title === '「到店美甲」已核销')).toHaveLength(1);
  });

  it('a cancelled order cannot be redeemed and stops waiting; junk and members are refused', async () => {
    const orderId = await redeem('service', 'verify-buy-3');
    const code = (await mine()).find((o) => o.id === orderId)!.pickupCode!;
    await h.ok('mall', 'cancel', { communityId: c, orderId, reason: '门店停业' }, owner);
    expect(await h.call('mall', 'verify', { communityId: c, pickupCode: code }, owner)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await h.ok('mall', 'pickupsWaiting', { communityId: c }, owner)).toEqual({ waiting: 0 });
    expect(await h.call('mall', 'verify', { communityId: c, pickupCode: code }, { openid: 'o_alice', now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    for (const pickupCode of ['', 'ABC', 'ABCDEFG0', 42, 'x'.repeat(41)]) {
      expect(await h.call('mall', 'verify', { communityId: c, pickupCode }, owner)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(await h.call('mall', 'verify', { communityId: c, pickupCode: 'ABCDEFGH' }, owner)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
