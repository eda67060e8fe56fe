import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { TextField } from '../../../../components/TextField';
import { store } from '../../../../stores';
import { yuan } from '../../../../stores/format';
import { amountProblem, fenOf } from '../../../../stores/PurchasesStore';
import '../../admin.css';

/**
 * 扫码记积分, at the counter: scan the member's code (or paste it where there is no camera), see
 * who it is, type the amount, confirm what it pays, done. A return takes the points back.
 */
function Scan() {
  const { session, purchases } = store;
  const [tried, setTried] = useState(false);
  useDidShow(() => {
    if (!session.community) void session.load();
    void purchases.loadWaiting();
  });
  if (session.role !== 'owner' && session.role !== 'moderator') return <View className="card muted">只有群主和管理员可以扫码记积分</View>;
  const enabled = session.community?.rules.purchase.enabled ?? false;
  const scanned = purchases.scanned;
  const problem = tried ? amountProblem(purchases.amount) : null;

  async function credit() {
    setTried(true);
    if (fenOf(purchases.amount) === null || !scanned) return;
    if (!(await purchases.pricePurchase()) || !purchases.preview) return;
    const { points, capped } = purchases.preview;
    const content = `给 ${scanned.member.nickname}（${scanned.member.tier}）记消费 ¥${yuan(fenOf(purchases.amount)!)}，得 ${points} 积分${capped ? '（已到今日购物积分上限，超出部分不计）' : ''}。`;
    const { confirm } = await Taro.showModal({ title: '确认记积分？', content, confirmText: '确认' });
    if (confirm && (await purchases.credit())) {
      setTried(false);
      void Taro.showToast({ title: '已记积分', icon: 'success' });
    }
  }

  async function refund() {
    const { confirm } = await Taro.showModal({
      title: '退货扣回积分？',
      content: '这笔消费的积分会从会员账户扣回（积分不够时扣到 0）。',
      confirmText: '扣回',
    });
    if (confirm && (await purchases.refundLast('退货'))) void Taro.showToast({ title: '已扣回', icon: 'success' });
  }

  return (
    <View>
      {!enabled && (
        <View className="card muted" id="purchase-off">
          群主还没有开启购物积分：管理 → 积分规则 → 购物积分
        </View>
      )}
      <View className="card" id="scan-card">
        <Text className="muted" id="pickups-waiting">
          扫会员码记购物积分；扫订单上的核销码完成核销{purchases.waiting ? `（待核销 ${purchases.waiting} 单）` : ''}
        </Text>
        {process.env.TARO_ENV === 'weapp' && (
          <Button id="scan-button" type="primary" block loading={purchases.scanning.pending} onClick={() => void purchases.scan()}>
            扫码
          </Button>
        )}
        <View className="admin-field">
          <Text className="admin-field__label">
            {process.env.TARO_ENV === 'weapp' ? '或输入会员码 / 核销码' : '会员码（粘贴「我的 → 会员码」下方的文字）或 8 位核销码'}
          </Text>
          <View className="row" style="gap: 12px">
            <Input
              id="scan-code"
              className="admin-input"
              style="flex: 1"
              value={purchases.code}
              placeholder="会员码或核销码"
              onInput={(e) => purchases.setCode(e.detail.value)}
            />
            <Text id="scan-look-up" className="link" onClick={() => void purchases.lookUp()}>
              查看
            </Text>
          </View>
        </View>
        <ErrorLine message={purchases.scanning.error} />
      </View>

      {scanned && (
        <View className="card" id="scanned-member">
          <Text className="reach-title">
            {scanned.member.nickname} · {scanned.member.tier}
          </Text>
          <Text className="muted">
            当前积分 {scanned.member.balance}
            {scanned.member.banned ? ' · 已被暂停参与，购物不积分' : ''}
          </Text>
          <TextField
            id="purchase-amount"
            label={`消费金额（元）· 每元 ${scanned.purchase.pointsPerYuan} 分，再乘等级倍数`}
            type="digit"
            value={purchases.amount}
            placeholder="例如 99.90"
            error={problem ?? undefined}
            onInput={(v) => purchases.setAmount(v)}
          />
          <TextField
            id="purchase-note"
            label="备注（会员看得到，可不填）"
            value={purchases.note}
            placeholder="例如 护手霜 2 支"
            onInput={(v) => purchases.setNote(v)}
          />
          <Button
            id="purchase-credit"
            type="primary"
            block
            disabled={!enabled || scanned.member.banned}
            loading={purchases.crediting.pending}
            onClick={() => void credit()}
          >
            记积分
          </Button>
          <ErrorLine message={purchases.crediting.error} />
        </View>
      )}

      {purchases.verified && (
        <View className="card" id="pickup-verified">
          <Text className="reach-title">
            已核销：{purchases.verified.itemName} ×{purchases.verified.quantity}
          </Text>
          <Text className="muted">{purchases.verified.nickname} 的订单，已通知会员</Text>
        </View>
      )}

      {purchases.last && (
        <View className="card" id="purchase-done">
          <Text className="reach-title">
            {purchases.last.member.nickname} +{purchases.last.points} 积分
          </Text>
          <Text className="muted">
            消费 ¥{yuan(purchases.last.amountFen)}
            {purchases.last.capped ? ' · 已到今日购物积分上限' : ''} · 现有 {purchases.last.member.balance} 积分
          </Text>
          {purchases.last.entry && !purchases.refunded && (
            <Text id="purchase-refund" className="link" style="display: block; margin-top: 8px" onClick={() => void refund()}>
              退货扣回
            </Text>
          )}
          {purchases.refunded && (
            <Text id="purchase-refunded" className="admin-notice">
              {purchases.refunded}
            </Text>
          )}
          <ErrorLine message={purchases.crediting.error} />
        </View>
      )}
    </View>
  );
}

export default observer(Scan);
