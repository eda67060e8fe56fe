import { NO_PRIZE, spinPath } from './LotteryStore';
import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { gatewayFor as sharedGateway } from './testing';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';
import { shippingProblems } from './MallStore';
import { rewardFormOf, rewardOf } from './MallAdminStore';

const NOW = '2026-06-01T04:00:00Z';
const gatewayFor = (h: Harness, openid: string, fail?: { action: string; times: number }) => sharedGateway(h, openid, NOW, fail);

let h: Harness;
let c: string;
beforeEach(async () => {
  h = sqliteHarness();
  c = await communityWithMembers(h);
  await h.ok(
    'points',
    'adjust',
    { communityId: c, openid: 'o_alice', delta: 500, reason: '测试', requestId: 'store-give-1' },
    { openid: 'o_owner', now: NOW },
  );
});

describe('mall stores', () => {
  it('retries a redemption whose answer was lost with the same requestId: one order, one charge', async () => {
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '体验课', kind: 'service', pointsPrice: 100, stock: 5 } },
      { openid: 'o_owner', now: NOW },
    );
    const root = new RootStore(gatewayFor(h, 'o_alice', { action: 'redeem', times: 1 }), memoryStorage(), c);
    await root.mall.load();
    expect(await root.mall.redeem(item.id)).toBeNull();
    expect(root.mall.error).toBe('网络开小差了，请稍后重试');
    const retried = await root.mall.redeem(item.id);
    expect(retried).toMatchObject({ balance: 400 });
    const { orders } = await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_alice' });
    expect(orders).toHaveLength(1);
  });

  it('keeps an unanswered redemption’s requestId across a restart, and gives another redemption its own', async () => {
    const give = (name: string) =>
      h.ok(
        'mall',
        'upsertItem',
        { communityId: c, item: { name, kind: 'service', pointsPrice: 100, stock: 5 } },
        { openid: 'o_owner', now: NOW },
      );
    const [{ item: first }, { item: second }] = [await give('体验课'), await give('手工课')];
    const storage = memoryStorage();
    const before = new RootStore(gatewayFor(h, 'o_alice', { action: 'redeem', times: 1 }), storage, c);
    expect(await before.mall.redeem(first.id)).toBeNull();
    // The page (the app) restarts; a different reward first, then the lost one again.
    const after = new RootStore(gatewayFor(h, 'o_alice'), storage, c);
    expect(await after.mall.redeem(second.id)).toMatchObject({ order: { itemId: second.id } });
    expect(await after.mall.redeem(first.id)).toMatchObject({ order: { itemId: first.id } });
    const { orders } = await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_alice' });
    expect(orders.map((o) => o.itemName).sort()).toEqual(['体验课', '手工课']);
    expect((await h.ok('points', 'me', { communityId: c }, { openid: 'o_alice', now: NOW })).balance).toBe(300);
  });

  it('takes a reward off the shelf and puts it back; editing one off the shelf leaves it off', async () => {
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '体验课', kind: 'service', pointsPrice: 100, stock: 5 } },
      { openid: 'o_owner', now: NOW },
    );
    const owner = new RootStore(gatewayFor(h, 'o_owner'), memoryStorage(), c);
    const member = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c);
    await owner.mallAdmin.loadItems();
    expect(await owner.mallAdmin.setOnShelf(owner.mallAdmin.items[0], 'Asia/Shanghai', '2026-06-01', false)).toBe(true);
    expect(owner.mallAdmin.notice).toBe('「体验课」已下架，成员看不到了');
    await member.mall.load();
    expect(member.mall.items).toEqual([]);
    // Before, the editor sent no shelf state and the server's default put it back on sale.
    expect(
      await owner.mallAdmin.saveItem(
        rewardOf({ ...rewardFormOf(owner.mallAdmin.items[0], 'Asia/Shanghai', '2026-06-01'), pointsPrice: '120' }, 'Asia/Shanghai'),
      ),
    ).toBe(true);
    expect(owner.mallAdmin.items[0]).toMatchObject({ pointsPrice: 120, active: false });
    await owner.mallAdmin.setOnShelf(owner.mallAdmin.items[0], 'Asia/Shanghai', '2026-06-01', true);
    await member.mall.load();
    expect(member.mall.items.map((i) => i.id)).toEqual([item.id]);
  });

  it('shows the mall by shelf: everything, what I can redeem now, or one of the owner’s categories', async () => {
    const give = (item: Record<string, unknown>) =>
      h.ok('mall', 'upsertItem', { communityId: c, item: { kind: 'service', stock: 5, ...item } }, { openid: 'o_owner', now: NOW });
    await give({ name: '护手霜', pointsPrice: 100, category: ' 个护 ' });
    await give({ name: '面霜', pointsPrice: 900, category: '个护' });
    await give({ name: '手工课', pointsPrice: 200, category: '课程' });
    await give({ name: '神秘礼', pointsPrice: 50 });
    expect(
      await h.call(
        'mall',
        'upsertItem',
        { communityId: c, item: { name: '太长', kind: 'service', pointsPrice: 1, stock: 1, category: '一二三四五六七八九' } },
        { openid: 'o_owner', now: NOW },
      ),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const member = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c);
    await member.mall.load();
    expect(member.mall.categories.sort()).toEqual(['个护', '课程']);
    member.mall.choose({ kind: 'category', name: '个护' });
    expect(member.mall.shown.map((i) => i.name).sort()).toEqual(['护手霜', '面霜']);
    // 500 points: the 900 cream is out of reach.
    member.mall.choose({ kind: 'canRedeem' });
    expect(member.mall.shown.map((i) => i.name).sort()).toEqual(['手工课', '护手霜', '神秘礼'].sort());
    member.mall.choose({ kind: 'all' });
    expect(member.mall.shown).toHaveLength(4);
  });

  it('refreshes the owner’s order list after fulfilling and cancelling', async () => {
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '体验课', kind: 'service', pointsPrice: 100, stock: 5 } },
      { openid: 'o_owner', now: NOW },
    );
    for (const id of ['store-r-0001', 'store-r-0002'])
      await h.ok('mall', 'redeem', { communityId: c, itemId: item.id, requestId: id }, { openid: 'o_alice', now: NOW });
    const owner = new RootStore(gatewayFor(h, 'o_owner'), memoryStorage(), c);
    await owner.mallAdmin.loadOrders('pending');
    expect(owner.mallAdmin.orders).toHaveLength(2);
    expect(await owner.mallAdmin.fulfil(owner.mallAdmin.orders[0].id, { note: '已预约' })).toBe(true);
    expect(owner.mallAdmin.orders).toHaveLength(1);
    expect(await owner.mallAdmin.cancel(owner.mallAdmin.orders[0].id, '时间冲突')).toBe(true);
    expect(owner.mallAdmin.orders).toHaveLength(0);
    expect(owner.mallAdmin.notice).toBe('已取消，积分已退回');
  });

  it('reports a refusal in the server’s words and starts a fresh attempt next time', async () => {
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '大奖', kind: 'service', pointsPrice: 900, stock: 5 } },
      { openid: 'o_owner', now: NOW },
    );
    const root = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c);
    expect(await root.mall.redeem(item.id)).toBeNull();
    expect(root.mall.error).toContain('积分不足');
  });

  it('gives the address of a v1 order that waits for one, checked as a Chinese mobile number first', async () => {
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '围巾', pointsPrice: 100, stock: 5 } },
      { openid: 'o_owner', now: NOW },
    );
    const { order } = await h.ok(
      'mall',
      'redeem',
      { communityId: c, itemId: item.id, requestId: 'store-v1-0001' },
      { openid: 'o_alice', now: NOW },
    );
    const root = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c);
    await root.mall.loadOrders();
    expect(root.mall.orders[0]).toMatchObject({ id: order.id, needsShipping: true });
    expect(shippingProblems({ name: '', phone: '12345', address: ' ' })).toEqual({
      name: '请填写收件人',
      phone: '请填写 11 位手机号，或带区号的座机',
      address: '请填写收货地址',
    });
    expect(shippingProblems({ name: '王', phone: '138 0013 8000', address: '上海' })).toEqual({});
    // The phone rule is decided once (core/phone.ts): what the app lets through the server takes, and what it stops the server refuses.
    for (const phone of ['020-81167888', '+86 138 0013 8000', '12345', '138001380001', '+1 415 555 0100']) {
      const app = shippingProblems({ name: '王', phone, address: '上海' }).phone === undefined;
      const checked = await h.call(
        'mall',
        'redeem',
        {
          communityId: c,
          itemId: item.id,
          requestId: `store-phone-${phone.replace(/\W/g, '')}`.padEnd(12, 'x'),
          shipping: { name: '王', phone, address: '上海市静安区 1 号' },
        },
        { openid: 'o_alice', now: NOW },
      );
      expect([phone, checked.ok]).toEqual([phone, app]);
    }
    expect(await root.mall.setShipping(order.id, { name: '王', phone: '13800138000', address: '上海市静安区 1 号' })).toBe(true);
    expect(root.mall.orders[0]).toMatchObject({ needsShipping: false, shipping: { name: '王' } });
  });
});

describe('the reward editor', () => {
  it('says what to fix in plain Chinese and turns the flash window’s pickers into instants on the community clock', async () => {
    const { emptyRewardForm, rewardOf, rewardProblems } = await import('./MallAdminStore');
    const form = { ...emptyRewardForm('2026-12-01'), pointsPrice: '12.5', stock: '-1', flash: true, endTime: '19:00' };
    const problems = rewardProblems(form, 'Asia/Shanghai');
    expect(problems).toEqual({
      name: '请填写奖品名称',
      pointsPrice: '兑换积分填 1 到 1000000 的整数',
      stock: '库存填 0 到 1000000 的整数',
      end: '结束时间要晚于开始时间',
    });
    for (const message of Object.values(problems)) expect(message).not.toMatch(/ISO|[a-z]+\.[a-z]+/i);
    const fixed = { ...form, name: '周末手工课', pointsPrice: '300', stock: '10', endTime: '22:00' };
    expect(rewardProblems(fixed, 'Asia/Shanghai')).toEqual({});
    expect(rewardOf(fixed, 'Asia/Shanghai')).toMatchObject({
      name: '周末手工课',
      pointsPrice: 300,
      stock: 10,
      perMemberLimit: null,
      startsAt: '2026-12-01T12:00:00.000Z',
      endsAt: '2026-12-01T14:00:00.000Z',
    });
    expect(rewardOf({ ...fixed, flash: false }, 'Asia/Shanghai')).toMatchObject({ startsAt: null, endsAt: null });
  });
});

describe('the draw editor', () => {
  it('checks each prize row and the total chance in plain Chinese', async () => {
    const { drawProblems, emptyPrize } = await import('./MallAdminStore');
    const rows = [
      { ...emptyPrize(), name: '保温杯', percent: '60', stock: '2' },
      { ...emptyPrize(), name: '', percent: '50.555', stock: 'x' },
    ];
    expect(drawProblems('', '0', rows)).toEqual({
      name: '请填写抽奖名称',
      cost: '每次消耗积分填 1 到 1000000 的整数',
      'prize.1.name': '请填写奖项名称',
      'prize.1.percent': '概率填 0.01 到 100，最多两位小数',
      'prize.1.stock': '数量填 0 到 100000 的整数',
      prizes: '各奖项概率加起来是 110.56%，不能超过 100%',
    });
    const coupon = { ...emptyPrize(), name: '券', kind: 'coupon' as const, percent: '30', stock: '100' };
    expect(drawProblems('转盘', '50', [rows[0], coupon])).toEqual({ 'prize.1.itemId': '请选择券码来自哪个优惠券奖品' });
    expect(drawProblems('转盘', '50', [rows[0], { ...coupon, itemId: 'demo-coupon' }])).toEqual({});
  });
});

describe('the lottery grid', () => {
  it('goes round twice, then stops on the outcome the server drew (谢谢参与 included)', () => {
    const cells = ['bottle', 'sample', NO_PRIZE];
    expect(spinPath(cells, 'sample')).toEqual(['bottle', 'sample', NO_PRIZE, 'bottle', 'sample', NO_PRIZE, 'bottle', 'sample']);
    expect(spinPath(cells, NO_PRIZE, 1)).toEqual(['bottle', 'sample', NO_PRIZE, 'bottle', 'sample', NO_PRIZE]);
    expect(spinPath(cells, 'bottle', 0)).toEqual(['bottle']);
  });
});
