import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { Batch } from '../../../../../cloudfunctions/contract/api';
import { SEGMENTS, type SegmentKey } from '../../../../../cloudfunctions/core/activity';
import { ErrorLine } from '../../../../components/ErrorLine';
import { TextField } from '../../../../components/TextField';
import { store } from '../../../../stores';
import { awardProblems, broadcastProblems, namesIn, type Audience } from '../../../../stores/ReachStore';
import '../../admin.css';
import { BROADCAST_LIMITS } from '../../../../../cloudfunctions/core/limits';

const AUDIENCES: Array<[Audience, string]> = [
  ['all', '全部成员'],
  ['segment', '按分层'],
  ['list', '指定成员'],
];

/** Who an audience is, in the words of the confirm dialog. */
const audienceName = (audience: Audience, segment: SegmentKey) =>
  audience === 'all' ? '全部成员' : audience === 'segment' ? `「${SEGMENTS.find((s) => s.key === segment)?.name}」分层` : '名单上的成员';

function Choice<T extends string>({
  id,
  options,
  value,
  onPick,
}: {
  id: string;
  options: Array<[T, string]>;
  value: T;
  onPick: (value: T) => void;
}) {
  return (
    <View className="admin-tabs" style="margin: 0">
      {options.map(([key, name]) => (
        <Text key={key} id={`${id}-${key}`} className={`admin-tab ${value === key ? 'admin-tab--on' : ''}`} onClick={() => onPick(key)}>
          {name}
        </Text>
      ))}
    </View>
  );
}

function Progress({ id, batch, verb }: { id: string; batch: Batch; verb: string }) {
  return (
    <View id={id} className="reach-progress">
      <Text>
        {batch.status === 'done' ? '已完成' : '进行中'}：{verb} {batch.credited} / {batch.total} 人
        {batch.skipped.length ? `，跳过 ${batch.skipped.length} 人` : ''}
      </Text>
      {batch.skipped.slice(0, 5).map((s) => (
        <Text key={s.openid} className="muted">
          {s.openid}：{s.reason}
        </Text>
      ))}
    </View>
  );
}

/** The owner acts on many members at once: points to a segment or a list, an announcement to everyone or a segment. */
function Reach() {
  const { session, reach } = store;
  const [tried, setTried] = useState({ award: false, cast: false });
  useDidShow(() => {
    if (!session.community) void session.load();
    void reach.load();
  });
  // While a batch runs on the server, ask where it stands every few seconds.
  const [visible, setVisible] = useState(true);
  useDidHide(() => setVisible(false));
  useDidShow(() => setVisible(true));
  useEffect(() => {
    if (!reach.running || !visible) return undefined;
    const timer = setInterval(() => void reach.follow(), 3000);
    return () => clearInterval(timer);
  }, [reach.running, visible]);

  if (session.role !== 'owner') return <View className="card muted">只有群主可以批量发积分和群发公告</View>;
  const award = reach.award;
  const awardErrors = tried.award ? awardProblems(award) : {};
  const cast = reach.cast;
  const castErrors = tried.cast ? broadcastProblems(cast) : {};
  const segmentOptions = SEGMENTS.map((s): [SegmentKey, string] => [
    s.key,
    `${s.name} ${reach.segments.find((x) => x.key === s.key)?.members ?? ''}`.trim(),
  ]);

  async function sendAward() {
    setTried((t) => ({ ...t, award: true }));
    if (Object.keys(awardProblems(award)).length) return;
    if (award.audience === 'list' && !(await reach.matchList())) return;
    const count = reach.reach(award.audience, award.segment);
    const missing = reach.matched ? [...reach.matched.missing, ...reach.matched.ambiguous] : [];
    if (award.audience === 'list' && !count) return;
    const each = Number(award.amount);
    const content =
      `给${audienceName(award.audience, award.segment)}${count !== null ? ` ${count} 人` : ''}每人发 ${each} 积分${count !== null ? `，共 ${count * each} 积分` : ''}。原因：${award.reason.trim()}` +
      (missing.length
        ? `\n找不到或重名（不会发）：${missing.slice(0, 5).join('、')}${missing.length > 5 ? ` 等 ${missing.length} 个` : ''}`
        : '');
    const { confirm } = await Taro.showModal({ title: '确认发放积分？', content, confirmText: '发放' });
    if (confirm && (await reach.sendAward()))
      void Taro.showToast({ title: reach.awardBatch?.status === 'done' ? '已发放' : '发放中', icon: 'success' });
  }

  async function sendCast() {
    setTried((t) => ({ ...t, cast: true }));
    if (Object.keys(broadcastProblems(cast)).length) return;
    const count = reach.reach(cast.audience, cast.segment);
    const { confirm } = await Taro.showModal({
      title: '确认群发公告？',
      content: `发给${audienceName(cast.audience, cast.segment)}${count !== null ? ` ${count} 人` : ''}，每人一条站内消息。每天最多 3 条。`,
      confirmText: '群发',
    });
    if (confirm && (await reach.sendBroadcast())) void Taro.showToast({ title: '已群发', icon: 'success' });
  }

  return (
    <View>
      <View className="card" id="award-card">
        <Text className="reach-title">批量发积分</Text>
        <Choice id="award-audience" options={AUDIENCES} value={award.audience} onPick={(audience) => reach.setAward({ audience })} />
        {award.audience === 'segment' && (
          <Choice id="award-segment" options={segmentOptions} value={award.segment} onPick={(segment) => reach.setAward({ segment })} />
        )}
        {award.audience === 'list' && (
          <View className="admin-field">
            <Text className="admin-field__label">成员昵称或 openid，每行一个（共 {namesIn(award.list).length} 个）</Text>
            <Textarea
              id="award-list"
              className="reach-textarea"
              value={award.list}
              maxlength={200_000}
              placeholder={'小美\n阿兰'}
              onInput={(e) => reach.setAward({ list: e.detail.value })}
            />
            {awardErrors.list && (
              <Text id="award-list-error" className="field-error">
                {awardErrors.list}
              </Text>
            )}
          </View>
        )}
        <TextField
          id="award-amount"
          label="每人积分"
          type="number"
          value={award.amount}
          placeholder="例如 50"
          error={awardErrors.amount}
          onInput={(amount) => reach.setAward({ amount })}
        />
        <TextField
          id="award-reason"
          label="原因（成员看得到）"
          value={award.reason}
          placeholder="例如 三月活动奖励"
          error={awardErrors.reason}
          onInput={(reason) => reach.setAward({ reason })}
        />
        <Button id="award-send" type="primary" block loading={reach.awarding.pending} onClick={() => void sendAward()}>
          发放积分
        </Button>
        <ErrorLine message={reach.awarding.error} />
        {reach.awardBatch && <Progress id="award-progress" batch={reach.awardBatch} verb="已发" />}
      </View>

      <View className="card" id="cast-card">
        <Text className="reach-title">群发公告</Text>
        <Choice
          id="cast-audience"
          options={AUDIENCES.filter(([key]) => key !== 'list') as Array<['all' | 'segment', string]>}
          value={cast.audience}
          onPick={(audience) => reach.setCast({ audience })}
        />
        {cast.audience === 'segment' && (
          <Choice id="cast-segment" options={segmentOptions} value={cast.segment} onPick={(segment) => reach.setCast({ segment })} />
        )}
        <TextField
          id="cast-title"
          label="标题"
          value={cast.title}
          placeholder="例如 周六线下活动"
          error={castErrors.title}
          onInput={(title) => reach.setCast({ title })}
        />
        <View className="admin-field">
          <Text className="admin-field__label">内容</Text>
          <Textarea
            id="cast-body"
            className="reach-textarea"
            value={cast.body}
            maxlength={BROADCAST_LIMITS.body}
            placeholder="时间、地点、怎么参加"
            onInput={(e) => reach.setCast({ body: e.detail.value })}
          />
          {castErrors.body && (
            <Text id="cast-body-error" className="field-error">
              {castErrors.body}
            </Text>
          )}
        </View>
        <Button id="cast-send" type="primary" block loading={reach.casting.pending} onClick={() => void sendCast()}>
          群发
        </Button>
        <ErrorLine message={reach.casting.error} />
        {reach.castBatch && <Progress id="cast-progress" batch={reach.castBatch} verb="已送达" />}
      </View>
    </View>
  );
}

export default observer(Reach);
