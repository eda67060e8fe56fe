import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../../../components/ErrorLine';
import { OrderCard } from '../../../../components/OrderCard';
import { store } from '../../../../stores';

function MyOrders() {
  const { mall } = store;
  useDidShow(() => void mall.loadOrders());
  return (
    <View>
      {mall.orders.length === 0 && <View className="card muted">还没有订单，去商城看看吧</View>}
      {mall.orders.map((order) => (
        <OrderCard key={order.id} order={order} />
      ))}
      <ErrorLine message={mall.error} />
    </View>
  );
}

export default observer(MyOrders);
