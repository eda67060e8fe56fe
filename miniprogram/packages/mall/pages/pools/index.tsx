import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../../../components/ErrorLine';
import { MoreButton } from '../../../../components/MoreButton';
import { PoolCard } from '../../../../components/PoolCard';
import { store } from '../../../../stores';
import './index.css';

/** 积分众筹 and 捐赠: what is open to back now, then what has closed. */
function Pools() {
  const { pools, session } = store;
  useDidShow(() => {
    if (!session.community) void session.load();
    void pools.load();
  });
  useReachBottom(() => void pools.list.loadMore());
  const tz = session.community?.timezone;
  const openPool = (id: string) => void Taro.navigateTo({ url: `/packages/mall/pages/pool/index?id=${id}` });
  return (
    <View>
      <View className="card pools-intro">
        <Text>一个人攒不够？在奖品页「发起众筹」，和群友一起凑积分；也可以把积分捐给群主发起的公益。</Text>
        {session.role === 'owner' && (
          <Text
            id="new-donation"
            className="link pools-intro__owner"
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/pages/pools/index' })}
          >
            发起捐赠 ›
          </Text>
        )}
      </View>
      {!pools.loaded && !pools.error && <View className="card muted">加载中…</View>}
      {pools.loaded && pools.pools.length === 0 && (
        <View className="card muted" id="pools-empty">
          还没有众筹或捐赠
        </View>
      )}
      {pools.open.map((pool) => (
        <PoolCard key={pool.id} pool={pool} tz={tz} onOpen={() => openPool(pool.id)} />
      ))}
      {pools.closed.length > 0 && <Text className="pools-section muted">已结束</Text>}
      {pools.closed.map((pool) => (
        <PoolCard key={pool.id} pool={pool} tz={tz} onOpen={() => openPool(pool.id)} />
      ))}
      <MoreButton id="pools-more" list={pools.list} />
      <ErrorLine message={pools.error} onRetry={() => void pools.load()} />
    </View>
  );
}

export default observer(Pools);
