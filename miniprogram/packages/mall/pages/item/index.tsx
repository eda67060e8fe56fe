import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { ItemBadge } from '../../../../components/ItemBadge';
import { store } from '../../../../stores';
import { useNow } from '../../../../stores/useNow';
import { shippingProblems, type ShippingForm } from '../../../../stores/MallStore';
import { ShippingFields } from '../../../../components/ShippingFields';
import './index.css';

const KIND_HINT = { physical: '实物奖品，群主发货', coupon: '兑换后立即得到券码', service: '活动名额 / 咨询服务，群主会联系你' } as const;

function ItemPage() {
  const { mall } = store;
  const { params } = useRouter();
  const now = useNow();
  const [shipping, setShipping] = useState<ShippingForm>({ name: '', phone: '', address: '' });
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!mall.loaded) void mall.load();
  }, []);
  const item = params.id ? mall.item(params.id) : undefined;
  if (!item) return <View className="card muted">{mall.loaded ? '奖品不存在或已下架' : '加载中…'}</View>;

  const short = mall.balance < item.pointsPrice;
  const blocked = item.locked || item.status !== 'open' || short;
  const problems = tried && item.kind === 'physical' ? shippingProblems(shipping) : {};
  const redeem = async () => {
    // An address is checked before asking: what to fix shows beside its field.
    setTried(true);
    if (item.kind === 'physical' && Object.keys(shippingProblems(shipping)).length) return;
    const { confirm } = await Taro.showModal({ title: '确认兑换', content: `用 ${item.pointsPrice} 积分兑换「${item.name}」？`, confirmText: '兑换' });
    if (!confirm) return;
    const result = await mall.redeem(item.id, item.kind === 'physical' ? shipping : undefined);
    if (result) {
      void Taro.showToast({ title: result.order.couponCodes.length ? '兑换成功，券码已发放' : '兑换成功', icon: 'success' });
      void Taro.redirectTo({ url: '/packages/mall/pages/orders/index' });
    }
  };
  return (
    <View className="item">
      {item.images.map((src) => (
        <Image key={src} className="item__image" src={src} mode="widthFix" />
      ))}
      <View className="card">
        <Text className="item__name" id="item-name">
          {item.name}
        </Text>
        <Text className="item__price">{item.pointsPrice} 积分</Text>
        <ItemBadge item={item} now={now} />
        {item.description && <Text className="item__desc">{item.description}</Text>}
        <Text className="muted item__hint">
          {KIND_HINT[item.kind]}
          {item.perMemberLimit ? ` · 每人限兑 ${item.perMemberLimit} 件（已兑 ${item.myRedeemed}）` : ''}
        </Text>
      </View>
      {item.kind === 'physical' && !blocked && (
        <View className="card">
          <Text className="item__section">收货信息</Text>
          <ShippingFields id="shipping" form={shipping} onChange={setShipping} problems={problems} />
        </View>
      )}
      <View className="item__action">
        <Button id="redeem-button" type="primary" block disabled={blocked} loading={mall.redeeming} onClick={() => void redeem()}>
          {item.locked ? `「${item.minTier}」及以上可兑` : short ? `还差 ${item.pointsPrice - mall.balance} 积分` : item.status === 'open' ? '立即兑换' : '暂不可兑'}
        </Button>
      </View>
      <ErrorLine message={mall.error} />
    </View>
  );
}

export default observer(ItemPage);
