import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { playPayment } from '../../cloudfunctions/local/playPayment';
import { DEFAULT_RULES } from '../../cloudfunctions/core/rules';
import { gatewayFor as sharedGateway } from './testing';
import type { Payer } from '../device/payer';
import { emptyRewardForm, rewardOf, rewardProblems } from './MallAdminStore';
import { contributionChoices, donationProblems } from './PoolsStore';
import { giftBlocked, giftLimits, giftProblem } from './ProfileStore';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

const NOW = '2026-06-01T04:00:00Z';
const SHIPPING = { name: '小美', phone: '13800000000', address: '上海市静安区某路 1 号' };
const gatewayFor = (h: Harness, openid: string, fail?: { action: string; times: number }) => sharedGateway(h, openid, NOW, fail);
const noPause = async () => undefined;

let h: Harness;
let c: string;
beforeEach(async () => {
  h = sqliteHarness();
  c = await communityWithMembers(h);
  for (const openid of ['o_alice', 'o_bob'])
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid, delta: 800, reason: '测试', requestId: `store-give-${openid}` },
      { openid: 'o_owner', now: NOW },
    );
});

describe('points + cash checkout', () => {
  const cashOrder = async () => {
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '净化器', pointsPrice: 300, cashPrice: 9900, stock: 3 } },
      { openid: 'o_owner', now: NOW },
    );
    return (
      await h.ok(
        'mall',
        'redeem',
        { communityId: c, itemId: item.id, requestId: `cash-${item.id}`, shipping: SHIPPING },
        { openid: 'o_alice', now: NOW },
      )
    ).order.id;
  };

  it('pays through the payer and shows the order paid once the server says so', async () => {
    const orderId = await cashOrder();
    // What the local cashier does: WeChat Pay's result reaches the server, then the sheet closes.
    const cashier: Payer = {
      pay: async ({ orderId: id }) => ((await playPayment(h.deps, id, true, new Date(NOW))).ok ? 'paid' : 'failed'),
    };
    const root = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c, undefined, undefined, undefined, cashier);
    await root.checkout.open(orderId);
    expect(root.checkout.order).toMatchObject({ status: 'unpaid', payment: { amountFen: 9900 } });
    expect(root.checkout.checkout).toMatchObject({ amountFen: 9900, params: { package: expect.stringContaining(orderId) } });
    await root.checkout.pay();
    expect(root.checkout.outcome).toBe('paid');
    expect(root.checkout.order).toMatchObject({ status: 'pending' });
  });

  it('says it is waiting when the sheet said paid but WeChat Pay’s result has not arrived; a cancel leaves the order unpaid', async () => {
    const orderId = await cashOrder();
    const root = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c, undefined, undefined, undefined, { pay: async () => 'paid' });
    Object.assign(root.checkout, { pause: noPause });
    await root.checkout.open(orderId);
    await root.checkout.pay();
    expect(root.checkout.outcome).toBe('waiting');
    const cancelling = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c, undefined, undefined, undefined, {
      pay: async () => 'cancelled',
    });
    await cancelling.checkout.open(orderId);
    await cancelling.checkout.pay();
    expect([cancelling.checkout.outcome, cancelling.checkout.order?.status]).toEqual(['cancelled', 'unpaid']);
  });

  it('the reward editor sends the cash price in fen, only for a physical reward', () => {
    const form = { ...emptyRewardForm('2026-06-01'), name: '净化器', pointsPrice: '300', stock: '5', cashPrice: '99' };
    expect(rewardOf(form, 'Asia/Shanghai')).toMatchObject({ cashPrice: 9900 });
    expect(rewardOf({ ...form, cashPrice: '59.9' }, 'Asia/Shanghai')).toMatchObject({ cashPrice: 5990 });
    expect(rewardOf({ ...form, kind: 'service' }, 'Asia/Shanghai')).toMatchObject({ cashPrice: null });
    expect(rewardProblems({ ...form, cashPrice: '1.234' }, 'Asia/Shanghai').cashPrice).toBe('现金填 0.01 到 100000 元，最多两位小数');
    expect(rewardProblems({ ...form, cashPrice: '0' }, 'Asia/Shanghai').cashPrice).toBeDefined();
    expect(rewardProblems(form, 'Asia/Shanghai').cashPrice).toBeUndefined();
  });
});

describe('pools and gifts', () => {
  it('retries a contribution whose answer was lost with the same requestId: backed once', async () => {
    const { pool } = await h.ok(
      'pools',
      'upsert',
      { communityId: c, pool: { name: '公益', goalPoints: 500, endsAt: '2026-06-10T00:00:00Z' } },
      { openid: 'o_owner', now: NOW },
    );
    const root = new RootStore(gatewayFor(h, 'o_alice', { action: 'contribute', times: 1 }), memoryStorage(), c);
    await root.pools.openPool(pool.id);
    expect(await root.pools.contribute(100)).toBe(false);
    expect(await root.pools.contribute(100)).toBe(true);
    expect(root.pools.pool).toMatchObject({ raised: 100, backers: 1, myContribution: 100 });
    expect(root.pools.notice).toBe('已投入 100 积分，谢谢支持');
    // Coming back to the pool later: the numbers, not the last visit's thanks.
    await root.pools.openPool(pool.id);
    expect([root.pools.notice, root.pools.pool?.raised]).toEqual([null, 100]);
    expect((await h.ok('points', 'me', { communityId: c }, { openid: 'o_alice', now: NOW })).balance).toBe(700);
  });

  it('starts a pooled redemption and says when it is funded', async () => {
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '推车', pointsPrice: 1000, stock: 1 } },
      { openid: 'o_owner', now: NOW },
    );
    const alice = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c);
    const poolId = await alice.pools.start(item.id);
    expect(poolId).toEqual(expect.any(String));
    await alice.pools.openPool(poolId!);
    await alice.pools.contribute(600);
    const bob = new RootStore(gatewayFor(h, 'o_bob'), memoryStorage(), c);
    await bob.pools.openPool(poolId!);
    await bob.pools.contribute(400);
    expect(bob.pools.notice).toBe('凑齐了！奖品已为发起人下单');
    await bob.pools.load();
    expect(bob.pools.closed.map((p) => p.status)).toEqual(['funded']);
  });

  it('a gift retried after a lost answer is sent once; the profile shows their badges', async () => {
    const root = new RootStore(gatewayFor(h, 'o_alice', { action: 'transfer', times: 1 }), memoryStorage(), c);
    await root.profile.open('o_bob');
    expect(root.profile.badges.length).toBeGreaterThan(0);
    expect(await root.profile.send('o_bob', 50, '谢谢')).toBe(false);
    expect(await root.profile.send('o_bob', 50, '谢谢')).toBe(true);
    expect(root.profile.sent).toMatchObject({ to: 'o_bob', balance: 750, entry: { delta: -50 } });
    expect((await h.ok('points', 'me', { communityId: c }, { openid: 'o_bob', now: NOW })).balance).toBe(850);
    await root.profile.open('o_bob');
    expect(root.profile.sent).toBeNull();
  });

  it('says the limits and what is wrong before sending', () => {
    const rule = { ...DEFAULT_RULES.transfer, minMemberDays: 7 };
    expect(giftLimits(rule)).toEqual(expect.arrayContaining(['每次最多 100 积分，每天最多转出 200 积分', '加入满 7 天后才能转赠']));
    expect([giftProblem('', rule, 80), giftProblem('101', rule, 500), giftProblem('90', rule, 80), giftProblem('50', rule, 80)]).toEqual([
      '请填写要转赠的积分（正整数）',
      '每次最多转赠 100 积分',
      '积分不足：当前 80 分',
      null,
    ]);
    const tiers = DEFAULT_RULES.tiers;
    expect([
      giftBlocked(rule, tiers, '铜'),
      giftBlocked(rule, tiers, '银'),
      giftBlocked(rule, tiers, '金'),
      giftBlocked({ ...rule, enabled: false }, tiers, '金'),
    ]).toEqual(['「银」及以上等级才能转赠积分，你现在是「铜」', null, null, '群主没有开放积分转赠']);
    expect(contributionChoices(150, 1000)).toEqual([10, 50, 100, 150]);
    expect(contributionChoices(1000, 30)).toEqual([10, 30]);
    expect(contributionChoices(0, 100)).toEqual([]);
    const now = new Date('2026-06-01T04:00:00Z');
    expect(
      donationProblems({ name: '', description: '', goalPoints: '0', endDate: '2026-05-01', endTime: '10:00' }, now, 'Asia/Shanghai'),
    ).toEqual({
      name: '请填写名称',
      goalPoints: '目标积分填 1 到 1000000 的整数',
      endDate: '结束时间须晚于现在',
    });
  });
});

describe('the pools list', () => {
  it('shows the newest page, then the rest on 加载更多, each pool once', async () => {
    for (let i = 0; i < 23; i++)
      await h.ok(
        'pools',
        'upsert',
        { communityId: c, pool: { name: `捐赠 ${i}`, goalPoints: 50, endsAt: '2026-06-09T04:00:00Z' } },
        { openid: 'o_owner', now: new Date(Date.parse(NOW) + i * 1000).toISOString() },
      );
    const root = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c);
    await root.pools.load();
    expect([root.pools.pools.length, root.pools.list.hasMore, root.pools.pools[0].name]).toEqual([20, true, '捐赠 22']);
    await Promise.all([root.pools.list.loadMore(), root.pools.list.loadMore()]);
    expect([root.pools.pools.length, new Set(root.pools.pools.map((p) => p.id)).size, root.pools.list.hasMore]).toEqual([23, 23, false]);
  });
});
