import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { store } from '../../../../stores';
import { formatTime } from '../../../../stores/format';
import { Chart } from '../../components/Chart';
import '../../admin.css';

const WINDOWS = [7, 30, 90] as const;
const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** The community's health (API.md "Community health"), charted: activity, points, tiers, retention, segments. */
function Health() {
  const { session, console: admin, events } = store;
  const [days, setDays] = useState<(typeof WINDOWS)[number]>(30);
  useDidShow(() => {
    void admin.loadHealth(days);
    void events.load();
  });
  const choose = (window: (typeof WINDOWS)[number]) => {
    setDays(window);
    void admin.loadHealth(window);
  };
  const overview = admin.overview;
  const categories = overview?.days.map((d) => d.day.slice(5)) ?? [];
  const series = (key: 'activeMembers' | 'checkins' | 'pointsIssued' | 'pointsSpent' | 'pointsExpired') =>
    overview?.days.map((d) => d[key]) ?? [];
  return (
    <View>
      <View className="admin-tabs">
        {WINDOWS.map((window) => (
          <Text
            key={window}
            id={`window-${window}`}
            className={`admin-tab ${days === window ? 'admin-tab--on' : ''}`}
            onClick={() => choose(window)}
          >
            近 {window} 天
          </Text>
        ))}
      </View>
      {!overview && admin.loading && <View className="card muted">加载中…</View>}
      {overview && (
        <>
          <View className="card">
            <Text className="muted">
              {overview.asOf
                ? `统计于 ${formatTime(overview.asOf, session.community?.timezone)}，每小时更新`
                : '还没有统计过：数据每小时统计一次'}
            </Text>
            <View className="console-cards">
              <View className="console-card">
                <Text className="muted">成员</Text>
                <Text id="total-members" className="console-card__n">
                  {overview.totals.members}
                </Text>
              </View>
              <View className="console-card">
                <Text className="muted">活跃成员</Text>
                <Text id="total-active" className="console-card__n">
                  {overview.totals.activeMembers}
                </Text>
              </View>
              <View className="console-card">
                <Text className="muted">积分消耗率</Text>
                <Text id="burn-rate" className="console-card__n">
                  {percent(overview.totals.burnRate)}
                </Text>
              </View>
              <View className="console-card">
                <Text className="muted">成员持有积分</Text>
                <Text className="console-card__n">{overview.totals.liability}</Text>
              </View>
            </View>
          </View>
          <View className="card">
            <Text className="muted">每日活跃成员</Text>
            <Chart id="chart-active" type="line" categories={categories} series={[{ name: '活跃成员', data: series('activeMembers') }]} />
          </View>
          <View className="card">
            <Text className="muted">每日签到</Text>
            <Chart id="chart-checkins" type="column" categories={categories} series={[{ name: '签到', data: series('checkins') }]} />
          </View>
          <View className="card">
            <Text className="muted">积分发放、消耗与过期（消耗率 = 消耗 ÷ 发放）</Text>
            <Chart
              id="chart-points"
              type="line"
              categories={categories}
              series={[
                { name: '发放', data: series('pointsIssued') },
                { name: '消耗', data: series('pointsSpent') },
                { name: '过期', data: series('pointsExpired') },
              ]}
            />
          </View>
          <View className="card">
            <Text className="muted">等级分布</Text>
            <Chart id="chart-tiers" type="ring" series={overview.tiers.map((t) => ({ name: t.name, data: [t.members] }))} />
          </View>
          <View className="card">
            <Text className="muted">次月留存：每月新加入的成员，下个月还来的人数</Text>
            <Chart
              id="chart-retention"
              type="column"
              categories={overview.retention.map((r) => r.cohort.slice(2))}
              series={[
                { name: '加入', data: overview.retention.map((r) => r.joined) },
                { name: '次月还来', data: overview.retention.map((r) => r.retained) },
              ]}
            />
          </View>
        </>
      )}
      {admin.mallBalance && (
        <View className="card" id="mall-balance">
          <Text className="muted">积分与库存</Text>
          <View className="console-cards">
            <View className="console-card">
              <Text className="muted">成员持有积分</Text>
              <Text id="balance-liability" className="console-card__n">
                {admin.mallBalance.liability}
              </Text>
            </View>
            <View className="console-card">
              <Text className="muted">在售库存可兑积分</Text>
              <Text id="balance-stock" className="console-card__n">
                {admin.mallBalance.stockPoints}
              </Text>
            </View>
          </View>
          {admin.mallBalance.warning && (
            <Text id="balance-warning" className="field-error">
              {admin.mallBalance.warning}
            </Text>
          )}
          {admin.mallBalance.rewards.slice(0, 8).map((r) => (
            <View key={r.id} className="segment-row">
              <Text>{r.name}</Text>
              <Text className="muted">
                兑换 {r.redeemed} · 剩 {r.stock} · 兑换率 {percent(r.rate)}
              </Text>
            </View>
          ))}
          {admin.mallBalance.unredeemed.length > 0 && (
            <Text id="balance-unredeemed" className="muted">
              上架两周没人兑换：{admin.mallBalance.unredeemed.join('、')}（换个价格或换件奖品）
            </Text>
          )}
        </View>
      )}
      {events.events.length > 0 && (
        <View className="card" id="health-events">
          <Text className="muted">
            活动（一个月内）：报名 {events.events.reduce((n, e) => n + e.signedUp, 0)} 人次 · 到场{' '}
            {events.events.reduce((n, e) => n + (e.attended ?? 0), 0)} 人次
          </Text>
          {events.events.map((e) => (
            <View key={e.id} className="segment-row">
              <Text>{e.title}</Text>
              <Text className="muted">
                报名 {e.signedUp} · 到场 {e.attended ?? 0}
                {e.signedUp ? ` · 到场率 ${percent((e.attended ?? 0) / e.signedUp)}` : ''}
              </Text>
            </View>
          ))}
        </View>
      )}
      <View className="card">
        <Text className="muted">成员分层（点一层看名单）</Text>
        {admin.segments.map((s) => (
          <View
            key={s.key}
            id={`health-segment-${s.key}`}
            className="segment-row"
            onClick={() => void Taro.navigateTo({ url: `/packages/admin/pages/members/index?segment=${s.key}` })}
          >
            <Text>{s.name}</Text>
            <Text>{s.members} 人 ›</Text>
          </View>
        ))}
      </View>
      <ErrorLine message={admin.error} />
    </View>
  );
}

export default observer(Health);
