import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { gatewayFor as sharedGateway } from './testing';
import { fenOf } from './PurchasesStore';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

const NOW = '2026-06-01T04:00:00Z';
const now = NOW;
const gatewayFor = (h: Harness, openid: string, lose?: { action: string; times: number }) => sharedGateway(h, openid, () => now, lose);

describe('the purchases store', () => {
  it('reads yuan as fen', () => {
    expect([fenOf('99'), fenOf('99.9'), fenOf('99.90'), fenOf('0.01'), fenOf('0'), fenOf('9.999'), fenOf('abc'), fenOf('')]).toEqual([
      9900,
      9990,
      9990,
      1,
      null,
      null,
      null,
      null,
    ]);
  });

  it('the member shows a code that refreshes before it lapses; staff look it up, price it, credit it once though the answer was lost, and take it back', async () => {
    const h = sqliteHarness();
    const c = await communityWithMembers(h);
    await h.ok('community', 'updateRules', { communityId: c, rules: { purchase: { enabled: true } } }, { openid: 'o_owner', now });
    const alice = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c);
    await alice.memberCode.refresh();
    const first = alice.memberCode.code!;
    expect(alice.memberCode.secondsLeft(Date.parse(NOW))).toBe(120);
    expect(alice.memberCode.due(Date.parse(NOW) + 99_000)).toBe(false);
    expect(alice.memberCode.due(Date.parse(NOW) + 100_000)).toBe(true);

    const owner = new RootStore(gatewayFor(h, 'o_owner', { action: 'purchase', times: 1 }), memoryStorage(), c);
    owner.purchases.setCode(first);
    expect(await owner.purchases.lookUp()).toBe(true);
    expect(owner.purchases.scanned?.member).toMatchObject({ nickname: 'alice', tier: '铜', balance: 0 });
    owner.purchases.setAmount('88.80');
    expect(await owner.purchases.pricePurchase()).toBe(true);
    expect(owner.purchases.preview).toEqual({ points: 88, capped: false });
    expect(await owner.purchases.credit()).toBe(false);
    expect(await owner.purchases.credit()).toBe(true);
    expect(owner.purchases.last).toMatchObject({ points: 88, amountFen: 8880, member: { balance: 88 } });
    expect((await h.ok('points', 'me', { communityId: c }, { openid: 'o_alice', now })).balance).toBe(88);
    expect(await owner.purchases.refundLast('退货')).toBe(true);
    expect(owner.purchases.refunded).toBe('已扣回 88 积分');

    // The code was used: looking it up again says so, in words staff can act on.
    owner.purchases.setCode(first);
    expect(await owner.purchases.lookUp()).toBe(false);
    expect(owner.purchases.scanning.error).toContain('已用过');
  });
});

describe('核销 at the counter', () => {
  it('a scanned pickup code redeems its order once and the waiting count goes down; the second scan says it was done', async () => {
    const h = sqliteHarness();
    const c = await communityWithMembers(h);
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_alice', delta: 100, reason: '起始', requestId: 'pickup-seed1' },
      { openid: 'o_owner', now },
    );
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '到店洗牙', kind: 'service', pointsPrice: 60, stock: 3 } },
      { openid: 'o_owner', now },
    );
    await h.ok('mall', 'redeem', { communityId: c, itemId: item.id, requestId: 'pickup-buy01' }, { openid: 'o_alice', now });
    const [order] = (await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_alice', now })).orders;
    const owner = new RootStore(gatewayFor(h, 'o_owner'), memoryStorage(), c);
    await owner.purchases.loadWaiting();
    expect(owner.purchases.waiting).toBe(1);
    owner.purchases.setCode(order.pickupCode!.toLowerCase());
    expect(await owner.purchases.lookUp()).toBe(true);
    expect(owner.purchases.verified).toMatchObject({ itemName: '到店洗牙', status: 'fulfilled' });
    expect(owner.purchases.waiting).toBe(0);
    owner.purchases.setCode(order.pickupCode!);
    expect(await owner.purchases.lookUp()).toBe(false);
    expect(owner.purchases.scanning.error).toMatch(/核销过了/);
  });
});
