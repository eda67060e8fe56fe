import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../../../components/ErrorLine';
import { store } from '../../../../stores';
import { countdown, yuan } from '../../../../stores/format';
import { useNow } from '../../../../stores/useNow';
import './index.css';

const OUTCOME = {
  paid: '支付成功',
  waiting: '已支付，正在等待微信支付确认，稍后在「我的订单」查看',
  cancelled: '已取消支付，可以在截止前再次支付',
  failed: '支付没有完成，可以再试一次',
} as const;

/** 积分+现金 checkout: both amounts, how long is left to pay, WeChat Pay, and what happens if it is not paid in time. */
function PayPage() {
  const { checkout } = store;
  const { params } = useRouter();
  const orderId = params.orderId ?? '';
  const now = useNow();
  useDidShow(() => void checkout.open(orderId));
  const order = checkout.order?.id === orderId ? checkout.order : null;
  if (!order || !order.payment)
    return (
      <View className="card muted">
        {checkout.loaded ? '订单不存在' : '加载中…'}
        <ErrorLine message={checkout.error} onRetry={() => void checkout.open(orderId)} />
      </View>
    );

  const left = countdown(order.payment.expiresAt, now);
  const unpaid = order.status === 'unpaid';
  return (
    <View>
      <View className="card pay">
        <Text className="pay__item" id="pay-item">
          {order.itemName} ×{order.quantity}
        </Text>
        <View className="row pay__line">
          <Text>积分（已扣除）</Text>
          <Text id="pay-points">{order.points} 积分</Text>
        </View>
        <View className="row pay__line">
          <Text>现金（微信支付）</Text>
          <Text id="pay-cash" className="pay__cash">
            ¥{yuan(order.payment.amountFen)}
          </Text>
        </View>
        {unpaid && left && (
          <Text className="pay__deadline" id="pay-deadline">
            请在 {left} 内完成支付。超时未支付，订单自动取消，{order.points} 积分原数退回。
          </Text>
        )}
        {unpaid && !left && <Text className="pay__deadline">支付已超时，订单将自动取消，积分会退回到你的账户。</Text>}
        {order.status === 'pending' && (
          <Text className="pay__done" id="pay-done">
            已支付 · 等待群主发货
          </Text>
        )}
        {order.status === 'fulfilled' && <Text className="pay__done">已发货</Text>}
        {order.status === 'cancelled' && (
          <Text className="pay__deadline">订单已取消{order.cancelReason ? `（${order.cancelReason}）` : ''}，积分已退回</Text>
        )}
      </View>
      {checkout.outcome && (
        <Text id="pay-outcome" className={checkout.outcome === 'paid' || checkout.outcome === 'waiting' ? 'notice' : 'error'}>
          {OUTCOME[checkout.outcome]}
        </Text>
      )}
      <View className="pay__action">
        {unpaid && left ? (
          <Button
            id="pay-button"
            type="primary"
            block
            loading={checkout.busy}
            disabled={!checkout.checkout}
            onClick={() => void checkout.pay()}
          >
            微信支付 ¥{yuan(order.payment.amountFen)}
          </Button>
        ) : (
          <Button id="pay-orders" block onClick={() => void Taro.redirectTo({ url: '/packages/mall/pages/orders/index' })}>
            查看我的订单
          </Button>
        )}
      </View>
      <Text className="muted pay__note">微信支付只用于购买实物商品，积分不能用钱购买。</Text>
      <ErrorLine message={checkout.error} />
    </View>
  );
}

export default observer(PayPage);
