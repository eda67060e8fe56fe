import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../../../components/ErrorLine';
import { NoticeLine } from '../../../../components/NoticeLine';
import { store } from '../../../../stores';
import type { WeekCard } from '../../../../stores/ConsoleStore';
import '../../admin.css';

const go = (page: string) => () => void Taro.navigateTo({ url: `/packages/admin/pages/${page}` });

/** The change against last week, in words an owner reads at a glance. */
function trend({ thisWeek, lastWeek }: WeekCard): string {
  if (lastWeek === 0) return thisWeek > 0 ? '上周为 0' : '与上周持平';
  const change = Math.round(((thisWeek - lastWeek) / lastWeek) * 100);
  return change === 0 ? '与上周持平' : `比上周${change > 0 ? '多' : '少'} ${Math.abs(change)}%`;
}

/** Owner and moderators: what waits for them, this week's health against last week's, and their tools. */
function Console() {
  const { session, review, mallAdmin, console: admin, purchases } = store;
  useDidShow(() => {
    admin.clearNotice();
    if (!session.community) void session.load();
    void review.load();
    void mallAdmin.loadOrders('pending');
    void admin.loadHealth(30);
    void purchases.loadWaiting();
  });
  const owner = session.role === 'owner';
  return (
    <View>
      <View className="card">
        <Text className="muted">等你处理</Text>
        <View className="row console-waiting">
          <View id="waiting-review" className="console-count" onClick={go('review/index')}>
            <Text className="console-count__n">{review.count}</Text>
            <Text className="muted">篇待审核</Text>
          </View>
          <View id="waiting-orders" className="console-count" onClick={go('orders/index')}>
            <Text className="console-count__n">{mallAdmin.filter === 'pending' ? mallAdmin.orders.length : '–'}</Text>
            <Text className="muted">个订单待发货</Text>
          </View>
        </View>
      </View>
      <View className="card">
        <View className="row">
          <Text className="muted">本周 vs 上周</Text>
          <Text id="health-link" className="link" onClick={go('health/index')}>
            社群数据 ›
          </Text>
        </View>
        {admin.overview === null && admin.loading && <Text className="muted">加载中…</Text>}
        <View className="console-cards">
          {admin.weekCards.map((card) => (
            <View key={card.key} id={`week-${card.key}`} className="console-card">
              <Text className="muted">{card.label}</Text>
              <Text className="console-card__n">{card.thisWeek}</Text>
              <Text className={`console-card__trend ${card.thisWeek >= card.lastWeek ? 'up' : 'down'}`}>{trend(card)}</Text>
            </View>
          ))}
        </View>
        {admin.overview && !admin.overview.asOf && <Text className="muted">数据每小时统计一次，首次统计后这里会显示。</Text>}
      </View>
      <View className="card console-tools">
        <Text id="scan-link" onClick={go('scan/index')}>
          扫码记积分 · 核销{purchases.waiting ? `（待核销 ${purchases.waiting}）` : ''} ›
        </Text>
        <Text id="members-link" onClick={go('members/index')}>
          成员管理 ›
        </Text>
        <Text id="admin-review-link" onClick={go('review/index')}>
          内容审核 ›
        </Text>
        <Text id="admin-orders-link" onClick={go('orders/index')}>
          订单处理 ›
        </Text>
        {owner && (
          <Text id="rules-link" onClick={go('rules/index')}>
            积分规则 ›
          </Text>
        )}
        {owner && (
          <Text id="campaigns-link" onClick={go('campaigns/index')}>
            活动 ›
          </Text>
        )}
        {owner && (
          <Text id="events-link" onClick={go('events/index')}>
            报名活动 ›
          </Text>
        )}
        {owner && (
          <Text id="reach-link" onClick={go('reach/index')}>
            群发与批量发分 ›
          </Text>
        )}
        {owner && (
          <Text id="balances-link" onClick={go('balances/index')}>
            导入期初积分 ›
          </Text>
        )}
        {owner && (
          <Text id="admin-items-link" onClick={go('items/index')}>
            奖品管理 ›
          </Text>
        )}
        {owner && (
          <Text id="admin-draws-link" onClick={go('draws/index')}>
            抽奖设置 ›
          </Text>
        )}
        {owner && (
          <Text id="admin-pools-link" onClick={go('pools/index')}>
            捐赠 ›
          </Text>
        )}
        {owner && (
          <Text id="audit-link" onClick={go('audit/index')}>
            操作日志（谁在什么时候做了什么）›
          </Text>
        )}
      </View>
      {owner && (
        <View className="card">
          <Text className="muted">导出表格（CSV，Excel 可直接打开）</Text>
          <View className="row admin-buttons">
            <Button id="export-members" size="small" disabled={admin.busy} onClick={() => void admin.exportCsv('members')}>
              成员
            </Button>
            <Button id="export-ledger" size="small" disabled={admin.busy} onClick={() => void admin.exportCsv('ledger')}>
              积分流水
            </Button>
            <Button id="export-orders" size="small" disabled={admin.busy} onClick={() => void admin.exportCsv('orders')}>
              订单
            </Button>
          </View>
        </View>
      )}
      <NoticeLine message={admin.notice} />
      <ErrorLine message={admin.error ?? review.error ?? mallAdmin.error} />
    </View>
  );
}

export default observer(Console);
