import { Text, View } from '@tarojs/components';
import type { PoolView } from '../../../cloudfunctions/contract/api';
import { formatTime } from '../../stores/format';
import './index.css';

const STATUS = { open: '进行中', funded: '已凑齐', failed: '未凑齐，已退回', ended: '已结束' } as const;

/** A pool at a glance: what it is for, a progress bar, how many backed it, and my part. */
export function PoolCard({ pool, tz, onOpen }: { pool: PoolView; tz?: string; onOpen?: () => void }) {
  const percent = Math.min(100, Math.floor((pool.raised / pool.goalPoints) * 100));
  return (
    <View className="card pool" id={`pool-${pool.id}`} onClick={onOpen}>
      <View className="row">
        <Text className="pool__name">
          <Text className={`pool__kind pool__kind--${pool.kind}`}>{pool.kind === 'donation' ? '捐赠' : '众筹'}</Text>
          {pool.name}
        </Text>
        <Text className={`pool__status pool__status--${pool.status}`}>{STATUS[pool.status]}</Text>
      </View>
      <View className="pool__bar">
        <View className="pool__fill" style={{ width: `${percent}%` }} />
      </View>
      <View className="row pool__numbers">
        <Text id={`pool-${pool.id}-raised`}>
          {pool.raised} / {pool.goalPoints} 积分 · {pool.backers} 人参与
        </Text>
        <Text className="muted">{pool.status === 'open' ? `${formatTime(pool.endsAt, tz)} 截止` : ''}</Text>
      </View>
      {pool.myContribution > 0 && <Text className="pool__mine">我投入了 {pool.myContribution} 积分</Text>}
    </View>
  );
}
