import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { DrawView } from '../../../../../cloudfunctions/contract/api';
import { ErrorLine } from '../../../../components/ErrorLine';
import { NoticeLine } from '../../../../components/NoticeLine';
import { drawProblems, emptyPrize, PRIZE_KINDS, type PrizeRow } from '../../../../stores/MallAdminStore';
import '../../admin.css';
import { store } from '../../../../stores';
import '../items/index.css';

/** The owner sets up a draw: cost per try and a prize table in percent; the rest is "no prize". */
function AdminDraws() {
  const { mallAdmin: admin, session } = store;
  const [editing, setEditing] = useState<DrawView | null>(null);
  const [name, setName] = useState('');
  const [cost, setCost] = useState('');
  const [rows, setRows] = useState<PrizeRow[]>([emptyPrize()]);
  const [tried, setTried] = useState(false);
  const problems = tried ? drawProblems(name, cost, rows) : {};
  const reset = () => {
    setEditing(null);
    setName('');
    setCost('');
    setRows([emptyPrize()]);
    setTried(false);
  };
  const edit = (draw: DrawView) => {
    setEditing(draw);
    setName(draw.name);
    setCost(String(draw.costPoints));
    setRows(
      draw.prizes.map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind ?? 'physical',
        percent: String(p.weight / 100),
        stock: String(p.stock),
        itemId: p.itemId ?? null,
      })),
    );
    setTried(false);
  };
  useDidShow(() => {
    admin.clearNotice();
    void Promise.all([admin.loadDraws(), admin.loadItems()]);
  });
  const couponPools = admin.items.filter((item) => item.kind === 'coupon');
  const setRow = (i: number, patch: Partial<PrizeRow>) => setRows(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const save = async (active = editing?.active ?? true) => {
    setTried(true);
    if (Object.keys(drawProblems(name, cost, rows)).length) return;
    // Prizes keep their ids (and so their place in past audits) when a draw is edited.
    const prizes = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name.trim(),
      weight: Math.round(Number(r.percent) * 100),
      stock: Number(r.stock),
      itemId: r.kind === 'coupon' ? r.itemId : null,
    }));
    if (await admin.saveDraw({ id: editing?.id, name: name.trim(), costPoints: Number(cost), prizes, active })) reset();
  };
  const error = (key: string) => problems[key] && <Text className="admin-field__error">{problems[key]}</Text>;
  // The owner's, as on the server: a moderator who types the address is told, not shown a form.
  if (session.role !== 'owner') return <View className="card muted">只有群主可以设置抽奖</View>;
  return (
    <View>
      <View className="card">
        <Text className="form__title">{editing ? `编辑「${editing.name}」` : '新建抽奖'}</Text>
        <View className="admin-field">
          <Text className="admin-field__label">抽奖名称</Text>
          <Input
            id="draw-name"
            className="admin-input form__input"
            placeholder="例如 周末幸运转盘"
            value={name}
            onInput={(e) => setName(e.detail.value)}
          />
          {error('name')}
        </View>
        <View className="admin-field">
          <Text className="admin-field__label">每次消耗积分</Text>
          <Input
            id="draw-cost"
            className="admin-input form__input"
            type="number"
            placeholder="建议 200 左右"
            value={cost}
            onInput={(e) => setCost(e.detail.value)}
          />
          {error('cost')}
        </View>
        {rows.map((row, i) => (
          <View className="draw-prize" key={i} id={`prize-${i}`}>
            <View className="row">
              <Text className="admin-field__label">奖项 {i + 1}</Text>
              {rows.length > 1 && (
                <Text className="link" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  删除
                </Text>
              )}
            </View>
            <Input
              id={`prize-${i}-name`}
              className="admin-input form__input"
              placeholder="奖项名称，例如 定制保温杯"
              value={row.name}
              onInput={(e) => setRow(i, { name: e.detail.value })}
            />
            {error(`prize.${i}.name`)}
            <View className="form__chips">
              {PRIZE_KINDS.map(([kind, label]) => (
                <Text
                  key={kind}
                  id={`prize-${i}-kind-${kind}`}
                  className={`admin-tab ${row.kind === kind ? 'admin-tab--on' : ''}`}
                  onClick={() => setRow(i, { kind })}
                >
                  {label}
                </Text>
              ))}
            </View>
            {row.kind === 'coupon' && (
              <View className="admin-field">
                <Text className="admin-field__label">券码来自（优惠券奖品的券码池，和商城共用）</Text>
                <View className="form__chips">
                  {couponPools.length === 0 && <Text className="muted">先在奖品管理里上架一个优惠券奖品并导入券码</Text>}
                  {couponPools.map((item) => (
                    <Text
                      key={item.id}
                      className={`admin-tab ${row.itemId === item.id ? 'admin-tab--on' : ''}`}
                      onClick={() => setRow(i, { itemId: item.id })}
                    >
                      {item.name}（剩 {item.stock}）
                    </Text>
                  ))}
                </View>
                {error(`prize.${i}.itemId`)}
              </View>
            )}
            <View className="row" style="gap: 12px">
              <View style="flex: 1">
                <Text className="admin-field__label">中奖概率（%）</Text>
                <Input
                  id={`prize-${i}-percent`}
                  className="admin-input"
                  type="digit"
                  placeholder="例如 2.5"
                  value={row.percent}
                  onInput={(e) => setRow(i, { percent: e.detail.value })}
                />
              </View>
              <View style="flex: 1">
                <Text className="admin-field__label">数量</Text>
                <Input
                  id={`prize-${i}-stock`}
                  className="admin-input"
                  type="number"
                  placeholder="例如 10"
                  value={row.stock}
                  onInput={(e) => setRow(i, { stock: e.detail.value })}
                />
              </View>
            </View>
            {error(`prize.${i}.percent`)}
            {error(`prize.${i}.stock`)}
          </View>
        ))}
        {error('prizes')}
        <View className="row admin-buttons">
          {editing && (
            <Button size="small" onClick={reset}>
              取消编辑
            </Button>
          )}
          {editing && (
            <Button size="small" onClick={() => void save(!editing.active)}>
              {editing.active ? '停用' : '启用'}
            </Button>
          )}
          <Button size="small" onClick={() => setRows([...rows, emptyPrize()])}>
            加一个奖项
          </Button>
          <Button id="save-draw" type="primary" size="small" disabled={admin.busy} onClick={() => void save()}>
            保存
          </Button>
        </View>
      </View>
      <NoticeLine message={admin.notice} />
      <ErrorLine message={admin.error} />
      {admin.draws.map((draw) => (
        <View className="card" key={draw.id}>
          <View className="row">
            <Text className="order__name">
              {draw.name} · {draw.costPoints} 积分/次{draw.active ? '' : '（已停用）'}
            </Text>
            <Text className="muted" onClick={() => edit(draw)}>
              编辑 ›
            </Text>
          </View>
          {draw.prizes.map((p) => (
            <Text className="muted order__meta" key={p.id}>
              {p.name}（{PRIZE_KINDS.find(([kind]) => kind === (p.kind ?? 'physical'))?.[1]}）：{p.weight / 100}% · 剩 {p.stock}
            </Text>
          ))}
          <Text className="muted order__meta">谢谢参与：{draw.noPrizeWeight / 100}%</Text>
        </View>
      ))}
    </View>
  );
}

export default observer(AdminDraws);
