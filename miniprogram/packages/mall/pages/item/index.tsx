import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { requestSubscriptions } from '../../../../device/subscription';
import { ItemBadge } from '../../../../components/ItemBadge';
import { store } from '../../../../stores';
import { useNow } from '../../../../stores/useNow';
import { shippingProblems, type ShippingForm } from '../../../../stores/MallStore';
import { ShippingFields } from '../../../../components/ShippingFields';
import { yuan } from '../../../../stores/format';
import { WornName } from '../../../../components/WornName';
import { poolRefusal } from '../../../../../cloudfunctions/core/mall';
import { isFrameLook, isWearableKind, lookName, wearDuration } from '../../../../../cloudfunctions/core/wearables';
import './index.css';

const KIND_HINT = {
  physical: '实物奖品，群主发货',
  coupon: '兑换后立即得到券码',
  service: '活动名额 / 咨询服务，群主会联系你',
  title: '兑换后立即佩戴在昵称旁',
  frame: '兑换后立即佩戴',
} as const;

function ItemPage() {
  const { mall, pools } = store;
  const { params } = useRouter();
  const now = useNow();
  const [shipping, setShipping] = useState<ShippingForm>({ name: '', phone: '', address: '' });
  const [tried, setTried] = useState(false);
  // Read again on every visit: the balance moves elsewhere (a 众筹, a gift, another identity locally), and 还差 must be true.
  useDidShow(() => {
    void mall.load();
    if (!store.session.community) void store.session.load();
  });
  const item = params.id ? mall.item(params.id) : undefined;
  if (!item) return <View className="card muted">{mall.loaded ? '奖品不存在或已下架' : '加载中…'}</View>;

  const short = mall.balance < item.pointsPrice;
  const worn = isWearableKind(item.kind) && item.wear ? { kind: item.kind, ...item.wear } : null;
  const blocked = item.locked || item.status !== 'open' || short;
  const problems = tried && item.kind === 'physical' ? shippingProblems(shipping) : {};
  const redeem = async () => {
    // An address is checked before asking: what to fix shows beside its field.
    setTried(true);
    if (item.kind === 'physical' && Object.keys(shippingProblems(shipping)).length) return;
    const price = item.cashPrice ? `${item.pointsPrice} 积分 + ¥${yuan(item.cashPrice)}` : `${item.pointsPrice} 积分`;
    const after = item.cashPrice ? '积分先扣除，15 分钟内完成微信支付；未支付则自动取消并退回积分。' : '';
    const { confirm } = await Taro.showModal({
      title: '确认兑换',
      content: `用 ${price} 兑换「${item.name}」？${after}`,
      confirmText: item.cashPrice ? '去支付' : '兑换',
    });
    if (!confirm) return;
    await requestSubscriptions(['orderUpdate']);
    const result = await mall.redeem(item.id, item.kind === 'physical' ? shipping : undefined);
    if (result?.order.status === 'unpaid') {
      void Taro.redirectTo({ url: `/packages/mall/pages/pay/index?orderId=${result.order.id}` });
    } else if (result) {
      void Taro.showToast({
        title: worn ? '兑换成功，已佩戴' : result.order.couponCodes.length ? '兑换成功，券码已发放' : '兑换成功',
        icon: 'success',
      });
      // A title or frame is worn at once: 我的 shows it, and where to change what is worn.
      if (worn) void Taro.switchTab({ url: '/pages/me/index' });
      else void Taro.redirectTo({ url: '/packages/mall/pages/orders/index' });
    }
  };
  // 众筹 pools one unit of a reward that is open to me; some rewards are redeemed alone (core/mall.ts).
  const poolable = !poolRefusal(item) && !item.locked && item.status === 'open';
  const startPool = async () => {
    const { confirm } = await Taro.showModal({
      title: '发起众筹',
      content: `为「${item.name}」发起众筹？会先为你保留 1 件奖品。`,
      confirmText: '发起',
    });
    if (!confirm) return;
    const poolId = await pools.start(item.id);
    if (poolId) void Taro.redirectTo({ url: `/packages/mall/pages/pool/index?id=${poolId}` });
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
        <Text className="item__price" id="item-price">
          {item.pointsPrice} 积分{item.cashPrice ? ` + ¥${yuan(item.cashPrice)}` : ''}
        </Text>
        <ItemBadge item={item} now={now} />
        {item.description && <Text className="item__desc">{item.description}</Text>}
        {worn && (
          <View className="item__wear" id="item-wear">
            <Text className="muted">
              {lookName(worn.kind, worn.look)} · {wearDuration(worn.days)} · 佩戴效果：
            </Text>
            <WornName
              nickname={store.points.me?.nickname ?? '我'}
              worn={{
                title: worn.kind === 'title' ? worn.look : null,
                frame: worn.kind === 'frame' && isFrameLook(worn.look) ? worn.look : null,
              }}
            />
          </View>
        )}
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
          {item.locked
            ? `「${item.minTier}」及以上可兑`
            : short
              ? `还差 ${item.pointsPrice - mall.balance} 积分`
              : item.status === 'open'
                ? '立即兑换'
                : '暂不可兑'}
        </Button>
      </View>
      {poolable && (
        <View className="card item__pool" id="pool-start">
          <Text>
            {short ? `积分不够？` : '想和群友一起换？'}发起积分众筹，{store.session.community?.rules.pool.days ?? 7} 天内和群友凑齐{' '}
            {item.pointsPrice} 积分，奖品归你；没凑齐，每个人的积分原数退回。
          </Text>
          <Button id="pool-start-button" size="small" disabled={pools.busy} onClick={() => void startPool()}>
            发起众筹
          </Button>
        </View>
      )}
      <ErrorLine message={mall.error ?? pools.error} />
    </View>
  );
}

export default observer(ItemPage);
