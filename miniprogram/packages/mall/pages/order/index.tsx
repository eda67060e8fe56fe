import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../../../components/ErrorLine';
import { OrderCard } from '../../../../components/OrderCard';
import { store } from '../../../../stores';
import { formatTime, yuan } from '../../../../stores/format';

/** What happened to the money of a points + cash order, in words (#28: every outcome said). */
function moneyLine(order: NonNullable<typeof store.mall.order>): string | null {
  const payment = order.payment;
  if (!payment) return null;
  const amount = `¥${yuan(payment.amountFen)}`;
  if (order.status === 'unpaid') return `待支付 ${amount}：${formatTime(payment.expiresAt)} 前未支付将自动取消，积分退回`;
  if (order.refund) return null; // OrderCard says where the refund stands.
  if (payment.paidAt) return `已支付 ${amount}（${formatTime(payment.paidAt)}）`;
  return order.status === 'cancelled' ? `未支付，没有扣款；积分已退回` : null;
}

/** One order (?id=…): the reward, what it cost, where it stands, the address and the courier's tracking number. */
function OrderDetail() {
  const { mall } = store;
  const { params } = useRouter();
  useDidShow(() => {
    if (params.id) void mall.openOrder(params.id);
  });
  const order = mall.order?.id === params.id ? mall.order : null;
  if (!order) return <View className="card muted">{mall.error ?? '加载中…'}</View>;
  const money = moneyLine(order);
  return (
    <View>
      <OrderCard order={order}>
        {money && (
          <Text id="order-money" className="order__line">
            {money}
          </Text>
        )}
        {order.status === 'unpaid' && (
          <Button
            id={`pay-${order.id}`}
            size="small"
            type="primary"
            onClick={() => void Taro.navigateTo({ url: `/packages/mall/pages/pay/index?orderId=${order.id}` })}
          >
            去支付
          </Button>
        )}
      </OrderCard>
      <ErrorLine message={mall.error} onRetry={() => void mall.openOrder(order.id)} />
    </View>
  );
}

export default observer(OrderDetail);
