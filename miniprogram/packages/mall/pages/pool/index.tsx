import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { NoticeLine } from '../../../../components/NoticeLine';
import { PoolCard } from '../../../../components/PoolCard';
import { store } from '../../../../stores';
import { contributionChoices } from '../../../../stores/PoolsStore';
import './index.css';

/** One pool: what it is for, who backed it with how much, and backing it in two taps. */
function PoolPage() {
  const { pools, points, session } = store;
  const { params } = useRouter();
  const id = params.id ?? '';
  const [custom, setCustom] = useState('');
  useDidShow(() => {
    if (!session.community) void session.load();
    void pools.openPool(id);
    void points.load();
  });
  const pool = pools.pool?.id === id ? pools.pool : null;
  if (!pool)
    return (
      <View className="card muted">
        {pools.error ? '' : '加载中…'}
        <ErrorLine message={pools.error} onRetry={() => void pools.openPool(id)} />
      </View>
    );

  const balance = points.me?.balance ?? 0;
  const remaining = pool.goalPoints - pool.raised;
  const choices = contributionChoices(remaining, balance);
  const what = pool.kind === 'donation' ? '捐赠' : '众筹';
  const back = async (amount: number) => {
    if (!Number.isInteger(amount) || amount < 1) return void Taro.showToast({ title: '请填写正整数积分', icon: 'none' });
    const { confirm } = await Taro.showModal({
      title: `确认${what}`,
      content: `投入 ${amount} 积分到「${pool.name}」？${pool.kind === 'pooled' ? '如果到期没凑齐，积分会全部退回。' : '捐赠的积分不退回。'}`,
      confirmText: '投入',
    });
    if (confirm && (await pools.contribute(amount))) {
      setCustom('');
      void points.load();
    }
  };
  return (
    <View>
      <PoolCard pool={pool} tz={session.community?.timezone} />
      <View className="card">
        <Text className="pool-page__desc">
          {pool.description || (pool.kind === 'donation' ? '群主发起的积分捐赠，积分捐出后用于公益，不再退回。' : '')}
        </Text>
        {pool.kind === 'pooled' && (
          <Text className="muted pool-page__hint">凑齐后奖品归发起人 {pool.starterNickname} · 到期没凑齐，每个人的积分原数退回</Text>
        )}
      </View>
      {pool.status === 'open' && (
        <View className="card" id="pool-back">
          <Text className="pool-page__title">
            还差 {remaining} 积分 · 我有 {balance} 积分
          </Text>
          <View className="pool-page__chips">
            {choices.map((n) => (
              <Text key={n} id={`back-${n}`} className="pool-page__chip" onClick={() => void back(n)}>
                {n === Math.min(remaining, balance) && n === remaining ? `补齐 ${n}` : `${n} 分`}
              </Text>
            ))}
          </View>
          {choices.length === 0 && <Text className="muted">积分不足，先去签到攒一些吧</Text>}
          <View className="row pool-page__custom">
            <Input
              id="back-custom"
              className="pool-page__input"
              type="number"
              placeholder="自定义积分"
              value={custom}
              onInput={(e) => setCustom(e.detail.value)}
            />
            <Button
              id="back-custom-submit"
              size="small"
              type="primary"
              disabled={pools.busy || !custom}
              onClick={() => void back(Number(custom))}
            >
              投入
            </Button>
          </View>
        </View>
      )}
      <NoticeLine id="pool-notice" message={pools.notice} className="notice" />
      <View className="card" id="pool-backers">
        <Text className="muted">参与的人（{pool.backers}）</Text>
        {pools.backers.length === 0 && <Text className="muted pool-page__none">还没有人参与，来做第一个吧</Text>}
        {pools.backers.map((b) => (
          <View key={b.openid} className="row pool-page__backer">
            <Text>{b.nickname}</Text>
            <Text>
              {b.points} 积分{b.refunded ? '（已退回）' : ''}
            </Text>
          </View>
        ))}
      </View>
      <ErrorLine message={pools.error} />
    </View>
  );
}

export default observer(PoolPage);
