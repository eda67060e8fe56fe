import { Picker, Text, Textarea, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { DateTimeField } from '../../../../components/DateTimeField';
import { ErrorLine } from '../../../../components/ErrorLine';
import { open } from '../../../../components/navigation';
import { TextField } from '../../../../components/TextField';
import { store } from '../../../../stores';
import { formatTime } from '../../../../stores/format';
import '../../admin.css';
import { EVENT_LIMITS } from '../../../../../cloudfunctions/core/limits';

/** The owner announces events (time, place, capacity, points for coming, tier) and sees how many signed up. */
function Events() {
  const { session, events } = store;
  useDidShow(() => {
    if (!session.community) void session.load();
    void events.load();
  });
  if (session.role !== 'owner') return <View className="card muted">只有群主可以发布活动</View>;
  const form = events.form;
  const problems = events.problems;
  const tiers = ['', ...(session.community?.rules.tiers.map((t) => t.name) ?? [])];
  const today = store.today;
  const tz = session.community?.timezone;
  return (
    <View>
      {!form && (
        <View className="card">
          <Button id="event-new" type="primary" block onClick={() => events.startNew(today)}>
            发布活动
          </Button>
        </View>
      )}
      {form && (
        <View className="card" id="event-form">
          <TextField
            id="event-title"
            label="活动名称"
            value={form.title}
            placeholder="例如 周六亲子手工课"
            error={problems.title}
            onInput={(v) => events.set('title', v)}
          />
          <TextField
            id="event-place"
            label="地点（线上活动写「线上」）"
            value={form.place}
            placeholder="例如 社区活动室"
            error={problems.place}
            onInput={(v) => events.set('place', v)}
          />
          <DateTimeField
            id="event-start"
            label="开始"
            date={form.startDate}
            time={form.startTime}
            onDate={(v) => events.set('startDate', v)}
            onTime={(v) => events.set('startTime', v)}
            error={problems.start}
          />
          <DateTimeField
            id="event-end"
            label="结束"
            date={form.endDate}
            time={form.endTime}
            onDate={(v) => events.set('endDate', v)}
            onTime={(v) => events.set('endTime', v)}
            error={problems.end}
          />
          <TextField
            id="event-capacity"
            label="名额（留空不限）"
            type="number"
            value={form.capacity}
            placeholder="例如 20"
            error={problems.capacity}
            onInput={(v) => events.set('capacity', v)}
          />
          <TextField
            id="event-points"
            label="到场签到积分"
            type="number"
            value={form.points}
            error={problems.points}
            onInput={(v) => events.set('points', v)}
          />
          <View className="admin-field">
            <Text className="admin-field__label">谁能报名</Text>
            <Picker
              mode="selector"
              range={tiers.map((t) => (t ? `${t}及以上` : '所有成员'))}
              value={tiers.indexOf(form.minTier)}
              onChange={(e) => events.set('minTier', tiers[Number(e.detail.value)])}
            >
              <View id="event-tier" className="admin-input">
                {form.minTier ? `${form.minTier}及以上` : '所有成员'}
              </View>
            </Picker>
          </View>
          <View className="admin-field">
            <Text className="admin-field__label">介绍（可不填）</Text>
            <Textarea
              id="event-description"
              className="reach-textarea"
              value={form.description}
              maxlength={EVENT_LIMITS.description}
              onInput={(e) => events.set('description', e.detail.value)}
            />
          </View>
          <View className="row admin-buttons">
            <Button size="small" onClick={() => events.closeForm()}>
              取消
            </Button>
            <Button id="event-save" type="primary" size="small" loading={events.acting.pending} onClick={() => void events.save()}>
              发布
            </Button>
          </View>
          <ErrorLine message={events.acting.error} />
        </View>
      )}
      <View className="card">
        <Text className="muted">活动（一个月内）</Text>
        {events.events.length === 0 && (
          <Text className="muted" style="display: block">
            还没有活动
          </Text>
        )}
        {events.events.map((e) => (
          <View
            key={e.id}
            id={`admin-event-${e.id}`}
            className="member-row"
            onClick={() => void open(`/packages/engage/pages/event/index?eventId=${e.id}`)}
          >
            <View>
              <Text className="member-row__name">{e.title}</Text>
              <View className="member-row__meta">
                {formatTime(e.startsAt, tz)} · {e.place || '—'}
              </View>
              <View className="member-row__meta">
                报名 {e.signedUp}
                {e.capacity !== null ? ` / ${e.capacity}` : ''} 人
              </View>
            </View>
            <Text className="link">›</Text>
          </View>
        ))}
        <ErrorLine message={events.loading.error} />
      </View>
    </View>
  );
}

export default observer(Events);
