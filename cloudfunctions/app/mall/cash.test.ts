import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playPayment } from '../../local/playPayment';
import { localPlatform } from '../../platform/local/platform';
import type { localPayment } from '../../platform/local/localPayment';
import type { outboxMessenger } from '../../platform/local/outbox';
import { communityWithMembers, eachStore, readsFailing, sqliteHarness, type Harness } from '../../testing/harness';

let h: Harness;
let c: string;
let downloads: string;
const NOW = '2026-06-01T04:00:00Z';
const MINUTES = (m: number) => new Date(Date.parse(NOW) + m * 60_000).toISOString();
const SHIPPING = { name: '小美', phone: '13800000000', address: '上海市静安区某路 1 号' };
const TRIGGER = { openid: null, source: 'wx_trigger' } as const;

eachStore((open) => {
  beforeEach(async () => {
    downloads = mkdtempSync(join(tmpdir(), 'cp-cash-'));
    h = open(localPlatform({ downloadsDir: downloads }));
    c = await communityWithMembers(h);
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_alice', delta: 1000, reason: '测试发分', requestId: 'give-alice-1' },
      { openid: 'o_owner', now: NOW },
    );
  });

  const stock = (item: Record<string, unknown>) =>
    h.ok('mall', 'upsertItem', { communityId: c, item }, { openid: 'o_owner', now: NOW }).then((r) => r.item);
  const redeem = (itemId: string, requestId = 'cash-0001', now = NOW) =>
    h.call('mall', 'redeem', { communityId: c, itemId, requestId, shipping: SHIPPING }, { openid: 'o_alice', now });
  const pay = (orderId: string, success: boolean, now = MINUTES(3)) => playPayment(h.deps, orderId, success, new Date(now));
  const expire = (now: string) => h.ok('jobs', 'expireUnpaid', {}, { ...TRIGGER, now });
  const balance = async (now = NOW) => (await h.ok('points', 'me', { communityId: c }, { openid: 'o_alice', now })).balance;
  const itemOf = async (id: string) =>
    (await h.ok('mall', 'items', { communityId: c }, { openid: 'o_alice', now: NOW })).items.find((i) => i.id === id)!;
  const orderOf = async (id: string) =>
    (await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_alice', now: NOW })).orders.find((o) => o.id === id)!;

  describe('points + cash (积分+现金)', () => {
    it('takes the points and reserves the unit at once; the order waits unpaid with what wx.requestPayment needs; paid once, it is pending', async () => {
      const item = await stock({ name: '空气净化器', pointsPrice: 600, cashPrice: 9900, stock: 2 });
      expect(item).toMatchObject({ cashPrice: 9900 });
      const reply = await redeem(item.id);
      expect(reply).toMatchObject({
        ok: true,
        data: {
          balance: 400,
          order: {
            status: 'unpaid',
            points: 600,
            payment: { amountFen: 9900, expiresAt: MINUTES(15), params: { package: expect.stringMatching(/^prepay_id=/) } },
          },
        },
      });
      if (!reply.ok) return;
      const orderId = reply.data.order.id;
      expect(await redeem(item.id)).toEqual(reply);
      expect(await itemOf(item.id)).toMatchObject({ stock: 1, myRedeemed: 1 });
      expect(await h.ok('mall', 'pay', { communityId: c, orderId }, { openid: 'o_alice', now: MINUTES(1) })).toEqual({
        payment: reply.data.order.payment,
      });
      // Unpaid orders cannot be shipped.
      expect(await h.call('mall', 'fulfil', { communityId: c, orderId }, { openid: 'o_owner', now: MINUTES(1) })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      // A failed payment changes nothing; the member may pay again.
      expect(await pay(orderId, false)).toMatchObject({ ok: true, data: { outcome: 'failed', order: { status: 'unpaid' } } });
      expect(await pay(orderId, true)).toMatchObject({
        ok: true,
        data: { outcome: 'paid', order: { status: 'pending', payment: { paidAt: MINUTES(3) } } },
      });
      // The member hears the money arrived, once.
      const told = async () =>
        (await h.ok('notices', 'list', { communityId: c }, { openid: 'o_alice', now: MINUTES(5) })).notices.filter(
          (n) => n.kind === 'order_paid',
        );
      expect((await told()).map((n) => n.title)).toEqual(['「空气净化器」已支付 ¥99.00，等待发货']);
      // The payment result applied twice changes nothing; the expiry job leaves a paid order alone.
      expect(await pay(orderId, true, MINUTES(4))).toMatchObject({
        ok: true,
        data: { outcome: 'alreadyPaid', order: { payment: { paidAt: MINUTES(3) } } },
      });
      expect(await told()).toHaveLength(1);
      expect(await expire(MINUTES(30))).toEqual({ cancelled: 0, more: false });
      expect(await orderOf(orderId)).toMatchObject({ status: 'pending', paidAfterExpiry: false, payment: { amountFen: 9900 } });
      expect(await h.call('mall', 'pay', { communityId: c, orderId }, { openid: 'o_alice', now: MINUTES(5) })).toMatchObject({
        ok: false,
        error: { code: 'ALREADY_DONE' },
      });
      expect(await balance()).toBe(400);
      expect((await h.call('mall', 'fulfil', { communityId: c, orderId }, { openid: 'o_owner', now: MINUTES(40) })).ok).toBe(true);
    });

    it('expires unpaid after 15 minutes: points refunded and stock restored exactly once, even with racing runs; a late success is kept for the owner', async () => {
      const item = await stock({ name: '电动牙刷', pointsPrice: 300, cashPrice: 4900, stock: 1, perMemberLimit: 1 });
      const reply = await redeem(item.id);
      if (!reply.ok) throw new Error('redeem failed');
      const orderId = reply.data.order.id;
      expect(await expire(MINUTES(14))).toEqual({ cancelled: 0, more: false });
      const runs = await Promise.all([expire(MINUTES(16)), expire(MINUTES(16)), expire(MINUTES(16))]);
      expect(runs.reduce((sum, r) => sum + r.cancelled, 0)).toBe(1);
      expect(await expire(MINUTES(20))).toEqual({ cancelled: 0, more: false });
      expect(await balance()).toBe(1000);
      expect(await itemOf(item.id)).toMatchObject({ stock: 1, myRedeemed: 0 });
      expect(await orderOf(orderId)).toMatchObject({ status: 'cancelled', cancelReason: '超时未支付' });
      // The member is told what happened to the money as well as the points: none was taken.
      const { notices } = await h.ok('notices', 'list', { communityId: c }, { openid: 'o_alice', now: MINUTES(16) });
      expect(notices.find((n) => n.refId === orderId)?.title).toContain('没有扣款');
      // And by WeChat message, once however many runs raced.
      const told = () =>
        (h.platform.messages as ReturnType<typeof outboxMessenger>).sent.filter(
          (m) => m.openid === 'o_alice' && m.note === '15 分钟内未完成微信支付',
        );
      expect(told()).toHaveLength(1);
      expect(await h.call('mall', 'pay', { communityId: c, orderId }, { openid: 'o_alice', now: MINUTES(17) })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await pay(orderId, true, MINUTES(18))).toMatchObject({ ok: true, data: { outcome: 'paidAfterExpiry' } });
      expect(await pay(orderId, true, MINUTES(19))).toMatchObject({ ok: true, data: { outcome: 'alreadyPaid' } });
      expect(await orderOf(orderId)).toMatchObject({ status: 'cancelled', paidAfterExpiry: true });
      // The owner's export says which money to refund.
      const exported = await h.ok('stats', 'export', { communityId: c, kind: 'orders' }, { openid: 'o_owner', now: MINUTES(20) });
      const line = readFileSync(join(downloads, exported.url.split('?')[0].slice('/downloads/'.length)), 'utf8')
        .split('\r\n')
        .find((l) => l.includes(orderId));
      expect(line).toContain(`,已取消,小美,13800000000,上海市静安区某路 1 号,,,超时未支付,49.00,local_${orderId},是,`);
      expect(await balance()).toBe(1000);
      const { entries } = await h.ok('points', 'ledger', { communityId: c }, { openid: 'o_alice', now: MINUTES(20) });
      expect(entries.filter((e) => e.kind === 'refund')).toHaveLength(1);
    });

    it('a payment that arrives after the window, before the expiry job has run, lapses the order there and is kept as paid after expiry', async () => {
      const item = await stock({ name: '电动牙刷', pointsPrice: 300, cashPrice: 4900, stock: 1, perMemberLimit: 1 });
      const reply = await redeem(item.id);
      if (!reply.ok) throw new Error('redeem failed');
      const orderId = reply.data.order.id;
      expect(await pay(orderId, true, MINUTES(15))).toMatchObject({
        ok: true,
        data: { outcome: 'paidAfterExpiry', order: { status: 'cancelled', paidAfterExpiry: true } },
      });
      expect(await orderOf(orderId)).toMatchObject({
        status: 'cancelled',
        cancelReason: '超时未支付',
        paidAfterExpiry: true,
        payment: { paidAt: MINUTES(15) },
      });
      expect([await balance(), (await itemOf(item.id)).stock, (await itemOf(item.id)).myRedeemed]).toEqual([1000, 1, 0]);
      // Money was taken here: the member is told it goes back, not that none was taken — in the app and by message.
      const { notices: told } = await h.ok('notices', 'list', { communityId: c }, { openid: 'o_alice', now: MINUTES(16) });
      const lapsed = told.find((n) => n.refId === orderId && n.title.includes('超时未支付'))!;
      expect(lapsed.title).toContain('¥49.00 将原路退回微信');
      expect(lapsed.title).not.toContain('没有扣款');
      expect(
        (h.platform.messages as ReturnType<typeof outboxMessenger>).sent.filter(
          (m) => m.openid === 'o_alice' && m.note?.includes('支付时限之后'),
        ),
      ).toHaveLength(1);
      // The job finds nothing left to do; the result arriving again changes nothing.
      expect(await expire(MINUTES(16))).toEqual({ cancelled: 0, more: false });
      expect(await pay(orderId, true, MINUTES(17))).toMatchObject({ ok: true, data: { outcome: 'alreadyPaid' } });
      const { entries } = await h.ok('points', 'ledger', { communityId: c }, { openid: 'o_alice', now: MINUTES(20) });
      expect(entries.filter((e) => e.kind === 'refund')).toHaveLength(1);
      const { notices } = await h.ok('notices', 'list', { communityId: c }, { openid: 'o_alice', now: MINUTES(20) });
      expect(notices.find((n) => n.kind === 'order_cancelled')).toMatchObject({ body: expect.stringContaining('退还') });
    });

    it('a replayed redemption answers its first answer, payment parameters and all, whatever became of the order', async () => {
      const item = await stock({ name: '净水壶', pointsPrice: 100, cashPrice: 2990, stock: 5 });
      const first = await redeem(item.id, 'cash-replay-1');
      if (!first.ok) throw new Error('redeem failed');
      await pay(first.data.order.id, true, MINUTES(2));
      expect(await redeem(item.id, 'cash-replay-1', MINUTES(3))).toEqual(first);
      const lapsing = await redeem(item.id, 'cash-replay-2');
      await expire(MINUTES(20));
      expect(await redeem(item.id, 'cash-replay-2', MINUTES(21))).toEqual(lapsing);
      // Two first calls racing: one order, one set of payment parameters, the same answer.
      const racing = await Promise.all([redeem(item.id, 'cash-replay-3', MINUTES(22)), redeem(item.id, 'cash-replay-3', MINUTES(22))]);
      expect(racing[0]).toMatchObject({ ok: true, data: { order: { payment: { params: { package: expect.any(String) } } } } });
      expect(racing[1]).toEqual(racing[0]);
      expect((await itemOf(item.id)).stock).toBe(3);
    });

    it('a payment racing the expiry: either paid or refunded, never both', async () => {
      const item = await stock({ name: '收纳箱', pointsPrice: 100, cashPrice: 1990, stock: 5 });
      const reply = await redeem(item.id);
      if (!reply.ok) throw new Error('redeem failed');
      // The payment arrives a moment before its window closes; the job runs after it closed.
      const [paid] = await Promise.all([
        pay(reply.data.order.id, true, new Date(Date.parse(MINUTES(15)) - 1).toISOString()),
        expire(MINUTES(16)),
      ]);
      const order = await orderOf(reply.data.order.id);
      const outcome = paid.ok ? (paid.data as { outcome: string }).outcome : 'error';
      if (outcome === 'paid') expect([order.status, await balance(), (await itemOf(item.id)).stock]).toEqual(['pending', 900, 4]);
      else
        expect([outcome, order.status, order.paidAfterExpiry, await balance(), (await itemOf(item.id)).stock]).toEqual([
          'paidAfterExpiry',
          'cancelled',
          true,
          1000,
          5,
        ]);
    });

    it('WeChat Pay not answering leaves the order to be paid from the checkout, never a second order', async () => {
      let down = true;
      const payment = localPlatform().payment;
      const flaky = {
        ...localPlatform(),
        payment: {
          ...payment,
          unifiedOrder: (request: Parameters<typeof payment.unifiedOrder>[0]) =>
            down ? Promise.reject(new Error('timeout')) : payment.unifiedOrder(request),
        },
      };
      const shaky = sqliteHarness(h.store, flaky);
      const item = await stock({ name: '台灯', pointsPrice: 100, cashPrice: 2900, stock: 3 });
      const reply = await shaky.call(
        'mall',
        'redeem',
        { communityId: c, itemId: item.id, requestId: 'cash-down-1', shipping: SHIPPING },
        { openid: 'o_alice', now: NOW },
      );
      expect(reply).toMatchObject({
        ok: true,
        data: { balance: 900, order: { status: 'unpaid', payment: { amountFen: 2900, params: null } } },
      });
      if (!reply.ok) return;
      const pay = () => shaky.call('mall', 'pay', { communityId: c, orderId: reply.data.order.id }, { openid: 'o_alice', now: MINUTES(1) });
      expect(await pay()).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      down = false;
      expect(await pay()).toMatchObject({
        ok: true,
        data: { payment: { params: { package: expect.stringContaining(reply.data.order.id) } } },
      });
      expect(
        await shaky.call(
          'mall',
          'redeem',
          { communityId: c, itemId: item.id, requestId: 'cash-down-1', shipping: SHIPPING },
          { openid: 'o_alice', now: MINUTES(2) },
        ),
      ).toMatchObject({ ok: true, data: { order: { payment: { params: { package: expect.any(String) } } } } });
      expect(await itemOf(item.id)).toMatchObject({ stock: 2 });
    });

    it('a community that cannot be read for a moment leaves the lapsed order for the next run, not unpaid for ever', async () => {
      const item = await stock({ name: '收纳箱', pointsPrice: 100, cashPrice: 1990, stock: 5 });
      await redeem(item.id);
      expect(
        await sqliteHarness(readsFailing(h.store, 'communities')).ok('jobs', 'expireUnpaid', {}, { ...TRIGGER, now: MINUTES(16) }),
      ).toMatchObject({ cancelled: 0 });
      expect(await expire(MINUTES(21))).toEqual({ cancelled: 1, more: false });
      expect(await balance()).toBe(1000);
    });

    it('only a physical reward takes a cash price; nothing is sold for cash without a merchant account; bad input changes nothing', async () => {
      for (const bad of [
        { name: '券', kind: 'coupon', pointsPrice: 10, cashPrice: 100, stock: 0 },
        { name: '课', kind: 'service', pointsPrice: 10, cashPrice: 100, stock: 1 },
        { name: '货', pointsPrice: 10, cashPrice: 0, stock: 1 },
        { name: '货', pointsPrice: 10, cashPrice: 9.9, stock: 1 },
        { name: '货', pointsPrice: 10, cashPrice: '9900', stock: 1 },
      ]) {
        expect(await h.call('mall', 'upsertItem', { communityId: c, item: bad }, { openid: 'o_owner', now: NOW })).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' },
        });
      }
      expect(await h.call('mall', 'pay', { communityId: c, orderId: 'nope' }, { openid: 'o_alice', now: NOW })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await pay('nope', true)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const item = await stock({ name: '台灯', pointsPrice: 100, cashPrice: 2900, stock: 1 });
      const noMerchant = {
        ...localPlatform(),
        payment: { ...localPlatform().payment, ready: false, unifiedOrder: () => Promise.reject(new Error('no merchant')) },
      };
      const unbound = sqliteHarness(h.store, noMerchant);
      const refused = await unbound.call(
        'mall',
        'redeem',
        { communityId: c, itemId: item.id, requestId: 'cash-nomch', shipping: SHIPPING },
        { openid: 'o_alice', now: NOW },
      );
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await balance()).toBe(1000);
      // Someone else's unpaid order is not theirs to pay.
      const reply = await redeem(item.id);
      if (!reply.ok) throw new Error('redeem failed');
      expect(await h.call('mall', 'pay', { communityId: c, orderId: reply.data.order.id }, { openid: 'o_bob', now: NOW })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });
  });

  describe('money back (退款) and closed orders', () => {
    const settle = (now: string) => h.ok('jobs', 'settleRefunds', {}, { ...TRIGGER, now });
    const cancel = (orderId: string, now = MINUTES(10)) =>
      h.call('mall', 'cancel', { communityId: c, orderId, reason: '缺货' }, { openid: 'o_owner', now });
    const paidOrder = async (name: string, requestId: string) => {
      const item = await stock({ name, pointsPrice: 100, cashPrice: 5900, stock: 3 });
      const reply = await redeem(item.id, requestId);
      if (!reply.ok) throw new Error('redeem failed');
      await pay(reply.data.order.id, true, MINUTES(2));
      return reply.data.order.id;
    };

    it('cancelling a paid order refunds its cash once, even cancelled twice at once; WeChat Pay settling it tells the member', async () => {
      const asked: string[] = [];
      const payment = h.platform.payment;
      const counting = sqliteHarness(h.store, {
        ...h.platform,
        payment: { ...payment, refund: (request) => (asked.push(request.refundId), payment.refund(request)) },
      });
      const orderId = await paidOrder('料理机', 'cash-refund-1');
      const cancels = await Promise.all(
        [0, 1].map(() =>
          counting.call('mall', 'cancel', { communityId: c, orderId, reason: '缺货' }, { openid: 'o_owner', now: MINUTES(10) }),
        ),
      );
      expect(cancels.filter((r) => r.ok)).toHaveLength(1);
      expect(await orderOf(orderId)).toMatchObject({
        status: 'cancelled',
        refund: { amountFen: 5900, status: 'processing', settledAt: null },
      });
      expect(asked).toEqual([`R${orderId}`]);
      // Accepted is not refunded: the job asks where it stands, WeChat Pay says done, once.
      expect(await settle(MINUTES(11))).toEqual({ settled: 0, more: false });
      expect(await settle(MINUTES(21))).toEqual({ settled: 1, more: false });
      expect(await settle(MINUTES(40))).toEqual({ settled: 0, more: false });
      expect(await orderOf(orderId)).toMatchObject({ refund: { status: 'refunded', settledAt: MINUTES(21) } });
      expect(await balance()).toBe(1000);
      const { notices } = await h.ok('notices', 'list', { communityId: c }, { openid: 'o_alice', now: MINUTES(41) });
      expect(notices.filter((n) => n.kind === 'order_refunded')).toEqual([
        expect.objectContaining({ title: '「料理机」的 ¥59.00 已原路退回' }),
      ]);
      // Told at the cancel what happens to both the points and the money.
      expect(notices.find((n) => n.kind === 'order_cancelled')).toMatchObject({
        title: '订单「料理机」已取消，100 积分已退回，已付的 ¥59.00 将原路退回微信',
      });
      expect(asked).toHaveLength(1);
    });

    it('a refund WeChat Pay does not take is asked for again later with the same refund number, never a second refund', async () => {
      const asked: string[] = [];
      let down = true;
      const payment = h.platform.payment;
      const flaky = sqliteHarness(h.store, {
        ...h.platform,
        payment: {
          ...payment,
          refund: (request) => (asked.push(request.refundId), down ? Promise.reject(new Error('SYSTEMERROR')) : payment.refund(request)),
        },
      });
      const orderId = await paidOrder('面包机', 'cash-refund-2');
      expect(
        await flaky.call('mall', 'cancel', { communityId: c, orderId, reason: '缺货' }, { openid: 'o_owner', now: MINUTES(10) }),
      ).toMatchObject({ ok: true, data: { order: { status: 'cancelled', refund: { status: 'pending' } } } });
      await flaky.ok('jobs', 'settleRefunds', {}, { ...TRIGGER, now: MINUTES(12) });
      expect(await orderOf(orderId)).toMatchObject({ refund: { status: 'pending' } });
      down = false;
      await flaky.ok('jobs', 'settleRefunds', {}, { ...TRIGGER, now: MINUTES(25) });
      await flaky.ok('jobs', 'settleRefunds', {}, { ...TRIGGER, now: MINUTES(40) });
      expect(await orderOf(orderId)).toMatchObject({ refund: { status: 'refunded' } });
      expect(new Set(asked)).toEqual(new Set([`R${orderId}`]));
    });

    it('money arriving after the window goes back on its own; a lapsed or cancelled unpaid order is closed at WeChat Pay', async () => {
      const closed = (h.platform.payment as ReturnType<typeof localPayment>).closed;
      const item = await stock({ name: '电饭煲', pointsPrice: 100, cashPrice: 19900, stock: 3 });
      const lapsing = await redeem(item.id, 'cash-late-1');
      const cancelled = await redeem(item.id, 'cash-late-2');
      if (!lapsing.ok || !cancelled.ok) throw new Error('redeem failed');
      expect(await cancel(cancelled.data.order.id, MINUTES(5))).toMatchObject({ ok: true, data: { order: { refund: null } } });
      expect(await expire(MINUTES(16))).toEqual({ cancelled: 1, more: false });
      expect([...closed].sort()).toEqual([lapsing.data.order.id, cancelled.data.order.id].sort());
      // A payment that raced the close: refunded without the owner, once however often it is reported.
      expect(await pay(lapsing.data.order.id, true, MINUTES(17))).toMatchObject({
        ok: true,
        data: { outcome: 'paidAfterExpiry', order: { refund: { status: 'processing', amountFen: 19900 } } },
      });
      expect(await pay(lapsing.data.order.id, true, MINUTES(18))).toMatchObject({ ok: true, data: { outcome: 'alreadyPaid' } });
      await settle(MINUTES(30));
      expect(await orderOf(lapsing.data.order.id)).toMatchObject({
        status: 'cancelled',
        paidAfterExpiry: true,
        refund: { status: 'refunded' },
      });
    });
  });
});
