import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { OrderView } from '../../../../../cloudfunctions/contract/api';
import { ErrorLine } from '../../../../components/ErrorLine';
import { OrderCard } from '../../../../components/OrderCard';
import { ShippingFields } from '../../../../components/ShippingFields';
import { store } from '../../../../stores';
import { shippingProblems, type ShippingForm } from '../../../../stores/MallStore';
import './index.css';

const EMPTY: ShippingForm = { name: '', phone: '', address: '' };

/** The address of an order that waits for one: from WeChat's address book, or typed in. */
const AddressForm = observer(function AddressForm({ order }: { order: OrderView }) {
  const { mall } = store;
  const [form, setForm] = useState<ShippingForm>(EMPTY);
  const [tried, setTried] = useState(false);
  const problems = tried ? shippingProblems(form) : {};
  const send = async (shipping: ShippingForm) => {
    setTried(true);
    if (Object.keys(shippingProblems(shipping)).length === 0) await mall.setShipping(order.id, shipping);
  };
  return (
    <View id={`address-${order.id}`} className="order-address">
      <Text>请填写收货地址，填好后才能发货</Text>
      <ShippingFields id={`address-${order.id}`} form={form} onChange={setForm} problems={problems} />
      <Button id={`address-${order.id}-save`} size="small" type="primary" disabled={mall.redeeming} onClick={() => void send(form)}>
        保存地址
      </Button>
    </View>
  );
});

function MyOrders() {
  const { mall } = store;
  useDidShow(() => void mall.loadOrders());
  return (
    <View>
      {!mall.ordersLoaded && !mall.error && <View className="card muted">加载中…</View>}
      {mall.ordersLoaded && mall.orders.length === 0 && <View className="card muted">还没有订单，去商城看看吧</View>}
      {mall.orders.map((order) => (
        <OrderCard key={order.id} order={order}>
          <Text
            id={`detail-${order.id}`}
            className="link order-detail-link"
            onClick={() => void Taro.navigateTo({ url: `/packages/mall/pages/order/index?id=${order.id}` })}
          >
            订单详情 ›
          </Text>
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
          {order.needsShipping && <AddressForm order={order} />}
        </OrderCard>
      ))}
      <ErrorLine message={mall.error} onRetry={() => void mall.loadOrders()} />
    </View>
  );
}

export default observer(MyOrders);
