import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { DrawView } from '../../../../../cloudfunctions/app/api';
import { ErrorLine } from '../../../../components/ErrorLine';
import '../../admin.css';
import { store } from '../../../../stores';
import '../items/index.css';

type PrizeRow = { name: string; percent: string; stock: string };
const EMPTY_ROW: PrizeRow = { name: '', percent: '', stock: '' };

/** The owner sets up a draw: cost per try and a prize table in percent; the rest is "no prize". */
function AdminDraws() {
  const { mallAdmin: admin } = store;
  const [editing, setEditing] = useState<DrawView | null>(null);
  const [name, setName] = useState('');
  const [cost, setCost] = useState('');
  const [rows, setRows] = useState<PrizeRow[]>([{ ...EMPTY_ROW }]);
  const reset = () => {
    setEditing(null);
    setName('');
    setCost('');
    setRows([{ ...EMPTY_ROW }]);
  };
  const edit = (draw: DrawView) => {
    setEditing(draw);
    setName(draw.name);
    setCost(String(draw.costPoints));
    setRows(draw.prizes.map((p) => ({ name: p.name, percent: String(p.weight / 100), stock: String(p.stock) })));
  };
  useDidShow(() => void admin.loadDraws());
  const setRow = (i: number, patch: Partial<PrizeRow>) => setRows(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const save = async (active = editing?.active ?? true) => {
    // Prizes keep their ids (and so their place in past audits) when a draw is edited.
    const prizes = rows
      .filter((r) => r.name)
      .map((r, i) => ({ id: editing?.prizes[i]?.id, kind: editing?.prizes[i]?.kind, name: r.name, weight: Math.round(Number(r.percent) * 100), stock: Number(r.stock) }));
    if (await admin.saveDraw({ id: editing?.id, name, costPoints: Number(cost), prizes, active })) reset();
  };
  return (
    <View>
      <View className="card">
        <Text className="form__title">{editing ? `编辑「${editing.name}」` : '新建抽奖'}</Text>
        <Input id="draw-name" className="admin-input form__input" placeholder="名称，如：周末幸运转盘" value={name} onInput={(e) => setName(e.detail.value)} />
        <Input id="draw-cost" className="admin-input form__input" type="number" placeholder="每次消耗积分（建议 200 左右）" value={cost} onInput={(e) => setCost(e.detail.value)} />
        {rows.map((row, i) => (
          <View className="row form__chips" key={i}>
            <Input className="admin-input" placeholder="奖项" value={row.name} onInput={(e) => setRow(i, { name: e.detail.value })} />
            <Input className="admin-input" type="digit" placeholder="概率%" value={row.percent} onInput={(e) => setRow(i, { percent: e.detail.value })} />
            <Input className="admin-input" type="number" placeholder="数量" value={row.stock} onInput={(e) => setRow(i, { stock: e.detail.value })} />
          </View>
        ))}
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
          <Button size="small" onClick={() => setRows([...rows, { ...EMPTY_ROW }])}>
            加一个奖项
          </Button>
          <Button id="save-draw" type="primary" size="small" disabled={admin.busy} onClick={() => void save()}>
            保存
          </Button>
        </View>
      </View>
      {admin.notice && <Text className="admin-notice">{admin.notice}</Text>}
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
              {p.name}：{p.weight / 100}% · 剩 {p.stock}
            </Text>
          ))}
          <Text className="muted order__meta">谢谢参与：{draw.noPrizeWeight / 100}%</Text>
        </View>
      ))}
    </View>
  );
}

export default observer(AdminDraws);
