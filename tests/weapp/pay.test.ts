import { sqliteHarness } from '../../cloudfunctions/testing/harness';
import { playPayment } from '../../cloudfunctions/local/playPayment';
import { seedDemo } from '../../cloudfunctions/local/seed';
import { installWeappHost, waitFor } from '../support/weappHost';

// The page counts down on the device's clock: the order is placed now.
const NOW = new Date().toISOString();
const SHIPPING = { name: '老王', phone: '13700001111', address: '苏州市工业园区星湖街 1 号' };

describe('the compiled weapp checkout (miniprogram-simulate)', () => {
  it('pays the cash half with wx.requestPayment and the parameters cloudPay gave, then shows the order paid', async () => {
    const h = sqliteHarness();
    await seedDemo(h.deps, new Date(NOW));
    const as = { openid: 'demo_laowang', now: NOW };
    await h.ok(
      'points',
      'adjust',
      { communityId: 'demo', openid: 'demo_laowang', delta: 400, reason: '测试', requestId: 'weapp-cash-give' },
      { openid: 'demo_owner', now: NOW },
    );
    const { order } = await h.ok(
      'mall',
      'redeem',
      { communityId: 'demo', itemId: 'demo-purifier', requestId: 'weapp-cash-0001', shipping: SHIPPING },
      as,
    );
    let cancels = 1;
    // WeChat Pay: the first sheet is closed by the member; the second is paid, and its result reaches the server.
    const host = installWeappHost(h, {
      ...as,
      now: () => NOW,
      requestPayment: async () => {
        if (cancels-- > 0) throw { errMsg: 'requestPayment:fail cancel' };
        await playPayment(h.deps, order.id, true, new Date(NOW));
      },
    });
    const page = await host.open('packages/mall/pages/pay/index', { orderId: order.id });
    const text = (selector: string) => page.querySelector(selector)?.dom.textContent?.trim();
    await waitFor(() => text('#pay-cash') === '¥99.00');
    expect(text('#pay-points')).toBe('300 积分');
    expect(text('#pay-deadline')).toContain('超时未支付，订单自动取消，300 积分原数退回');

    page.querySelector('#pay-button').dispatchEvent('tap');
    await waitFor(() => text('#pay-outcome')?.includes('已取消支付'));
    page.querySelector('#pay-button').dispatchEvent('tap');
    await waitFor(() => text('#pay-done')?.includes('已支付'));
    expect(host.payments).toHaveLength(2);
    expect(host.payments[1]).toMatchObject({
      package: `prepay_id=local_${order.id}`,
      signType: 'MD5',
      paySign: 'LOCAL',
      nonceStr: expect.any(String),
      timeStamp: expect.any(String),
    });
    const { orders } = await h.ok('mall', 'orders', { communityId: 'demo' }, as);
    expect(orders[0]).toMatchObject({ id: order.id, status: 'pending' });
  });
});
