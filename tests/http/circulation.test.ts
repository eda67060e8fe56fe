import { startRuntime, type Runtime } from '../support/runtime';

let rt: Runtime;
let c: string;
let itemId: string;
let cashItemId: string;
let donationId: string;
const OWNER = 'h_owner';
const MEI = 'h_mei';
const LAN = 'h_lan';
const at = (minutes: number) => ({ 'X-Dev-Now': new Date(Date.parse('2026-12-01T02:00:00Z') + minutes * 60_000).toISOString() });
const SHIPPING = { name: '小美', phone: '13800000000', address: '上海市静安区某路 1 号' };

const devPay = async (body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${rt.url}/dev/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
};

beforeAll(async () => {
  rt = await startRuntime();
  c = (await rt.ok('community', { action: 'create', name: '流通测试群' }, OWNER, at(0))).community.id;
  for (const [who, name] of [
    [MEI, '小美'],
    [LAN, '小兰'],
  ]) {
    await rt.ok('community', { action: 'join', communityId: c, nickname: name }, who, at(0));
    await rt.ok(
      'points',
      { action: 'adjust', communityId: c, openid: who, delta: 1000, reason: '活动', requestId: `http-give-${who}` },
      OWNER,
      at(0),
    );
  }
  itemId = (
    await rt.ok('mall', { action: 'upsertItem', communityId: c, item: { name: '料理机', pointsPrice: 900, stock: 2 } }, OWNER, at(0))
  ).item.id;
  cashItemId = (
    await rt.ok(
      'mall',
      { action: 'upsertItem', communityId: c, item: { name: '加湿器', pointsPrice: 200, cashPrice: 5900, stock: 2 } },
      OWNER,
      at(0),
    )
  ).item.id;
  donationId = (
    await rt.ok(
      'pools',
      { action: 'upsert', communityId: c, pool: { name: '公益', goalPoints: 500, endsAt: '2026-12-20T00:00:00+08:00' } },
      OWNER,
      at(0),
    )
  ).pool.id;
});
afterAll(async () => {
  await rt?.stop();
});

/** Everything circulation could change. */
const snapshot = async () => ({
  mei: (await rt.ok('points', { action: 'me', communityId: c }, MEI, at(1))).balance,
  lan: (await rt.ok('points', { action: 'me', communityId: c }, LAN, at(1))).balance,
  pools: await rt.ok('pools', { action: 'list', communityId: c }, MEI, at(1)),
  items: (await rt.ok('mall', { action: 'items', communityId: c }, MEI, at(1))).items.map((i: any) => [i.id, i.stock]),
  orders: await rt.ok('mall', { action: 'orders', communityId: c, scope: 'all' }, OWNER, at(1)),
});

describe('circulation over HTTP', () => {
  it('junk for every new action: a clear INVALID_INPUT (or NOT_FOUND), HTTP 200, nothing changed', async () => {
    const before = await snapshot();
    const junk: unknown[] = [null, true, -1, 0, 1.5, '', 'x'.repeat(300), '../etc', [], {}, { $gt: '' }];
    const cases: Array<[string, string, Record<string, unknown>]> = [];
    for (const value of junk) {
      const fineName = typeof value === 'string' && value.length >= 1 && value.length <= 30;
      if (!fineName)
        cases.push([
          'pools',
          OWNER,
          { action: 'upsert', communityId: c, pool: { name: value, goalPoints: 10, endsAt: '2026-12-20T00:00:00+08:00' } },
        ]);
      cases.push([
        'pools',
        OWNER,
        { action: 'upsert', communityId: c, pool: { name: '好', goalPoints: value, endsAt: '2026-12-20T00:00:00+08:00' } },
      ]);
      cases.push(['pools', OWNER, { action: 'upsert', communityId: c, pool: { name: '好', goalPoints: 10, endsAt: value } }]);
      cases.push(['pools', OWNER, { action: 'upsert', communityId: c, pool: value }]);
      cases.push(['pools', MEI, { action: 'start', communityId: c, itemId: value, requestId: 'http-start-0001' }]);
      cases.push(['pools', MEI, { action: 'start', communityId: c, itemId, requestId: value }]);
      cases.push(['pools', MEI, { action: 'contribute', communityId: c, poolId: value, points: 10, requestId: 'http-back-0001' }]);
      cases.push(['pools', MEI, { action: 'contribute', communityId: c, poolId: donationId, points: value, requestId: 'http-back-0002' }]);
      cases.push(['pools', MEI, { action: 'contribute', communityId: c, poolId: donationId, points: 10, requestId: value }]);
      cases.push(['pools', MEI, { action: 'list', communityId: value }]);
      cases.push(['pools', MEI, { action: 'get', communityId: c, poolId: value }]);
      cases.push(['mall', MEI, { action: 'pay', communityId: c, orderId: value }]);
      if (value !== null)
        cases.push([
          'mall',
          OWNER,
          { action: 'upsertItem', communityId: c, item: { name: '货', pointsPrice: 10, stock: 1, cashPrice: value } },
        ]);
      cases.push(['community', OWNER, { action: 'updateRules', communityId: c, rules: { pool: { days: value } } }]);
    }
    for (const [fn, who, body] of cases) {
      const { status, body: envelope } = await rt.call(fn, body, { 'X-Dev-Openid': who, ...at(1) });
      expect([fn, body, status, envelope.ok]).toEqual([fn, body, 200, false]);
      expect([fn, body, ['INVALID_INPUT', 'NOT_FOUND']]).toEqual([fn, body, expect.arrayContaining([envelope.error.code])]);
    }
    // POST /dev/pay: a body that is not JSON is 400; junk fields are INVALID_INPUT; an unknown order NOT_FOUND.
    expect((await devPay('{oops')).status).toBe(400);
    for (const body of [{}, { orderId: 'x', result: 'MAYBE' }, { orderId: '../x', result: 'SUCCESS' }, { orderId: 5, result: 'SUCCESS' }]) {
      expect(await devPay(body)).toMatchObject({ status: 200, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    }
    expect(await devPay({ orderId: 'no-such-order', result: 'SUCCESS' })).toMatchObject({
      status: 200,
      body: { ok: false, error: { code: 'NOT_FOUND' } },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a pooled redemption funded by two members; a donation; a points + cash order paid through /dev/pay; the jobs on their triggers', async () => {
    const { pool } = await rt.ok('pools', { action: 'start', communityId: c, itemId, requestId: 'http-start-0002' }, MEI, at(2));
    await rt.ok('pools', { action: 'contribute', communityId: c, poolId: pool.id, points: 500, requestId: 'http-back-0003' }, MEI, at(3));
    const funded = await rt.ok(
      'pools',
      { action: 'contribute', communityId: c, poolId: pool.id, points: 400, requestId: 'http-back-0004' },
      LAN,
      at(4),
    );
    expect(funded).toMatchObject({ balance: 600, pool: { status: 'funded', raised: 900, backers: 2, myContribution: 400 } });
    const { orders } = await rt.ok('mall', { action: 'orders', communityId: c }, MEI, at(5));
    expect(orders[0]).toMatchObject({ itemName: '料理机', status: 'pending', poolId: pool.id, needsShipping: true });
    await rt.ok(
      'pools',
      { action: 'contribute', communityId: c, poolId: donationId, points: 100, requestId: 'http-back-0005' },
      LAN,
      at(5),
    );

    const redeemed = await rt.ok(
      'mall',
      { action: 'redeem', communityId: c, itemId: cashItemId, requestId: 'http-cash-0001', shipping: SHIPPING },
      MEI,
      at(6),
    );
    expect(redeemed.order).toMatchObject({
      status: 'unpaid',
      payment: { amountFen: 5900, params: { package: `prepay_id=local_${redeemed.order.id}` } },
    });
    expect(await devPay({ orderId: redeemed.order.id, result: 'SUCCESS' }, at(8))).toMatchObject({
      body: { ok: true, data: { outcome: 'paid', order: { status: 'pending' } } },
    });
    expect(await devPay({ orderId: redeemed.order.id, result: 'SUCCESS' }, at(9))).toMatchObject({
      body: { ok: true, data: { outcome: 'alreadyPaid' } },
    });
    // An order left unpaid is cancelled by the 5-minute trigger once its 15 minutes are up.
    const left = await rt.ok(
      'mall',
      { action: 'redeem', communityId: c, itemId: cashItemId, requestId: 'http-cash-0002', shipping: SHIPPING },
      LAN,
      at(10),
    );
    const trigger = (minutes: number) => ({ 'X-Dev-Source': 'wx_trigger', ...at(minutes) });
    expect((await rt.call('jobs', { action: 'expireUnpaid' }, trigger(26))).body).toEqual({
      ok: true,
      data: { cancelled: 1, more: false },
    });
    expect((await rt.call('jobs', { action: 'expireUnpaid' }, trigger(27))).body).toEqual({
      ok: true,
      data: { cancelled: 0, more: false },
    });
    expect((await rt.call('jobs', { action: 'settlePools' }, trigger(27))).body).toEqual({
      ok: true,
      data: { failed: 0, refunded: 0, more: false },
    });
    const lan = await rt.ok('mall', { action: 'orders', communityId: c }, LAN, at(28));
    expect(lan.orders.find((o: any) => o.id === left.order.id)).toMatchObject({ status: 'cancelled', cancelReason: '超时未支付' });
    expect((await rt.ok('points', { action: 'me', communityId: c }, LAN, at(28))).balance).toBe(500);
    expect((await rt.call('jobs', { action: 'settlePools' }, { 'X-Dev-Openid': MEI })).body).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // Money back: WeChat Pay's result for the lapsed order arriving late is refunded on its own, and the refunds job sees it settled.
    expect(await devPay({ orderId: left.order.id, result: 'SUCCESS' }, at(29))).toMatchObject({
      body: { ok: true, data: { outcome: 'paidAfterExpiry', order: { refund: { status: 'processing', amountFen: 5900 } } } },
    });
    // The paid order, cancelled by the owner: its cash goes back too.
    expect(
      (
        await rt.call(
          'mall',
          { action: 'cancel', communityId: c, orderId: redeemed.order.id, reason: '缺货' },
          { 'X-Dev-Openid': OWNER, ...at(30) },
        )
      ).body,
    ).toMatchObject({ ok: true, data: { order: { status: 'cancelled', refund: { status: 'processing' } } } });
    expect((await rt.call('jobs', { action: 'settleRefunds' }, trigger(45))).body).toEqual({ ok: true, data: { settled: 2, more: false } });
    for (const [id, buyer] of [
      [left.order.id, LAN],
      [redeemed.order.id, MEI],
    ]) {
      const { orders: mine } = await rt.ok('mall', { action: 'orders', communityId: c }, buyer, at(46));
      expect(mine.find((o: any) => o.id === id)).toMatchObject({ status: 'cancelled', refund: { status: 'refunded' } });
    }
  });
});
