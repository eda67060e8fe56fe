import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../components/ErrorLine';
import { ItemBadge } from '../../components/ItemBadge';
import { store } from '../../stores';
import { useNow } from '../../stores/useNow';
import { yuan } from '../../stores/format';
import { WornName } from '../../components/WornName';
import type { Shelf } from '../../stores/MallStore';
import { isFrameLook } from '../../../cloudfunctions/core/wearables';
import './index.css';

const sameShelf = (a: Shelf, b: Shelf) => a.kind === b.kind && (a.kind !== 'category' || (b.kind === 'category' && a.name === b.name));

/** Rewards, what I can get now first; locks for higher tiers; countdowns for flash rewards. */
function Mall() {
  const { mall } = store;
  const now = useNow();
  useDidShow(() => void mall.load());
  const shelves: Array<{ id: string; label: string; shelf: Shelf }> = [
    { id: 'all', label: '全部', shelf: { kind: 'all' } },
    { id: 'can', label: '我能兑', shelf: { kind: 'canRedeem' } },
    ...mall.categories.map((name, i) => ({ id: `c${i}`, label: name, shelf: { kind: 'category' as const, name } })),
  ];
  return (
    <View className="mall">
      <View className="card row mall__head">
        <View>
          <Text className="muted">我的积分</Text>
          <Text className="mall__balance" id="mall-balance">
            {/* Never a 0 that is not real: a dash until the balance has come. */}
            {mall.loaded ? mall.balance : '—'}
          </Text>
        </View>
        <View>
          <Text className="mall__orders" id="lottery-link" onClick={() => Taro.navigateTo({ url: '/packages/mall/pages/lottery/index' })}>
            积分抽奖 ›
          </Text>
          <Text className="mall__orders" id="pools-link" onClick={() => Taro.navigateTo({ url: '/packages/mall/pages/pools/index' })}>
            众筹 · 捐赠 ›
          </Text>
          <Text className="mall__orders" id="my-orders" onClick={() => Taro.navigateTo({ url: '/packages/mall/pages/orders/index' })}>
            我的订单 ›
          </Text>
        </View>
      </View>
      {!mall.loaded && !mall.error && (
        <View className="card muted" id="mall-loading">
          加载中…
        </View>
      )}
      {mall.loaded && mall.items.length === 0 && <View className="card muted">群主还没有上架奖品，先攒积分吧</View>}
      {mall.items.length > 0 && (
        <View className="mall__shelves" id="mall-shelves">
          {shelves.map(({ id, label, shelf }) => (
            <Text
              key={id}
              id={`shelf-${id}`}
              className={`mall__shelf ${sameShelf(mall.shelf, shelf) ? 'mall__shelf--on' : ''}`}
              onClick={() => mall.choose(shelf)}
            >
              {label}
            </Text>
          ))}
        </View>
      )}
      {mall.loaded && mall.items.length > 0 && mall.shown.length === 0 && (
        <View className="card muted" id="mall-shelf-empty">
          {mall.shelf.kind === 'canRedeem' ? '现在还没有能兑的奖品，再攒攒积分吧' : '这个分类暂时没有奖品'}
        </View>
      )}
      <View className="mall__grid">
        {mall.shown.map((item) => (
          <View
            key={item.id}
            id={`item-${item.id}`}
            className={`mall__item ${item.status !== 'open' || item.locked ? 'mall__item--dim' : ''}`}
            onClick={() => Taro.navigateTo({ url: `/packages/mall/pages/item/index?id=${item.id}` })}
          >
            {item.images[0] ? (
              <Image className="mall__image" src={item.images[0]} mode="aspectFill" />
            ) : item.wear && (item.kind === 'title' || item.kind === 'frame') ? (
              // A title or frame shows how it looks on a name.
              <View className="mall__image mall__image--blank">
                <WornName
                  nickname="我"
                  worn={{
                    title: item.kind === 'title' ? item.wear.look : null,
                    frame: item.kind === 'frame' && isFrameLook(item.wear.look) ? item.wear.look : null,
                  }}
                />
              </View>
            ) : (
              <View className="mall__image mall__image--blank">礼</View>
            )}
            <Text className="mall__name">{item.name}</Text>
            <Text className="mall__price">
              {item.pointsPrice} 积分{item.cashPrice ? ` + ¥${yuan(item.cashPrice)}` : ''}
            </Text>
            <ItemBadge item={item} now={now} balance={mall.balance} />
          </View>
        ))}
      </View>
      <ErrorLine message={mall.error} onRetry={() => void mall.load()} />
    </View>
  );
}

export default observer(Mall);
