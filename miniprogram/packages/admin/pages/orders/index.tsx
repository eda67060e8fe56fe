import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { NoticeLine } from '../../../../components/NoticeLine';
import { OrderCard } from '../../../../components/OrderCard';
import type { OrderView } from '../../../../../cloudfunctions/contract/api';
import { store } from '../../../../stores';
import { yuan } from '../../../../stores/format';
import '../../admin.css';

const FILTERS = [
  ['pending', '待发货 · 待核销'],
  ['unpaid', '待支付'],
  ['fulfilled', '已完成'],
  ['cancelled', '已取消'],
] as const;

/** Cancelling refunds the member (a 众筹's backers) and cannot be undone: asked once. */
async function confirmCancel(order: OrderView, reason: string) {
  const whom = order.poolId ? '每位众筹参与者' : '成员';
  const money = order.payment?.paidAt ? `，已付的 ¥${yuan(order.payment.amountFen)} 通过微信支付原路退回` : '';
  const { confirm } = await Taro.showModal({
    title: `取消「${order.itemName}」的订单？`,
    content: `积分会退回给${whom}${money}，原因：${reason}`,
  });
  if (confirm) await store.mallAdmin.cancel(order.id, reason);
}

/** Owner and moderators: orders to ship or serve, newest first; complete or cancel in a tap. */
function AdminOrders() {
  const { mallAdmin: admin } = store;
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [couriers, setCouriers] = useState<Record<string, string>>({});
  const [tracking, setTracking] = useState<Record<string, string>>({});
  useDidShow(() => {
    admin.clearNotice();
    void admin.loadOrders();
  });
  return (
    <View>
      <View className="admin-tabs">
        {FILTERS.map(([value, label]) => (
          <Text
            key={value}
            id={`filter-${value}`}
            className={`admin-tab ${admin.filter === value ? 'admin-tab--on' : ''}`}
            onClick={() => void admin.loadOrders(value)}
          >
            {label}
          </Text>
        ))}
      </View>
      <NoticeLine message={admin.notice} />
      {admin.orders.length === 0 && <View className="card muted">没有{FILTERS.find(([v]) => v === admin.filter)?.[1]}的订单</View>}
      {admin.orders.map((order) => (
        <OrderCard key={order.id} order={order} showBuyer>
          {order.status === 'pending' && (
            <View className="admin-actions">
              {order.kind === 'physical' && (
                <View className="row admin-buttons" id={`delivery-form-${order.id}`}>
                  <Input
                    id={`courier-${order.id}`}
                    className="admin-input"
                    style="flex: 1"
                    placeholder="快递公司，如 顺丰速运"
                    value={couriers[order.id] ?? ''}
                    onInput={(e) => setCouriers({ ...couriers, [order.id]: e.detail.value })}
                  />
                  <Input
                    id={`tracking-${order.id}`}
                    className="admin-input"
                    style="flex: 1.4"
                    placeholder="运单号"
                    value={tracking[order.id] ?? ''}
                    onInput={(e) => setTracking({ ...tracking, [order.id]: e.detail.value })}
                  />
                </View>
              )}
              <Input
                id={`note-${order.id}`}
                className="admin-input"
                placeholder="备注（取消时填原因）"
                value={notes[order.id] ?? ''}
                onInput={(e) => setNotes({ ...notes, [order.id]: e.detail.value })}
              />
              <View className="row admin-buttons">
                <Button
                  id={`fulfil-${order.id}`}
                  type="primary"
                  size="small"
                  disabled={admin.busy}
                  onClick={() =>
                    void admin.fulfil(order.id, {
                      note: notes[order.id]?.trim() || undefined,
                      courier: couriers[order.id]?.trim() || undefined,
                      trackingNo: tracking[order.id]?.trim() || undefined,
                    })
                  }
                >
                  {order.kind === 'physical' ? '发货' : '完成'}
                </Button>
                <Button
                  id={`cancel-${order.id}`}
                  size="small"
                  disabled={admin.busy}
                  onClick={() => void confirmCancel(order, notes[order.id] || '无法完成，已退回积分')}
                >
                  取消并退积分
                </Button>
              </View>
            </View>
          )}
        </OrderCard>
      ))}
      <ErrorLine message={admin.error} />
    </View>
  );
}

export default observer(AdminOrders);
