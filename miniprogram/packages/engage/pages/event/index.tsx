import { Input, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { store } from '../../../../stores';
import { formatTime } from '../../../../stores/format';
import './index.css';

const STATUS = { upcoming: '报名中', open: '进行中', ended: '已结束' } as const;

/**
 * One event (?eventId=…): when and where, the points for coming, who else comes in the order they
 * signed up (like 群接龙), sign up or give the place back; staff take attendance at the door.
 */
function Event() {
  const { session, events } = store;
  const [typed, setTyped] = useState('');
  useLoad((query: Record<string, string | undefined>) => {
    if (!session.community) void session.load();
    if (query.eventId) void events.open(query.eventId);
  });
  const event = events.event;
  // Staff see who came so far (known once the session says they are staff).
  useEffect(() => {
    if (session.isStaff && event?.id) void events.loadAttendees();
  }, [session.isStaff, event?.id]);
  if (!event) return <View className="card muted">{events.loading.error ?? '加载中…'}</View>;
  const tz = session.community?.timezone;
  const full = event.capacity !== null && event.signedUp >= event.capacity;

  async function cancel() {
    const { confirm } = await Taro.showModal({ title: '取消报名？', content: '名额会让给其他人。', confirmText: '取消报名' });
    if (confirm) await events.cancel();
  }

  return (
    <View className="event">
      <View className="card">
        <View className="row">
          <Text className="event__title">{event.title}</Text>
          <Text className={`event__status event__status--${event.status}`}>{STATUS[event.status]}</Text>
        </View>
        <Text className="event__line">
          {formatTime(event.startsAt, tz)} – {formatTime(event.endsAt, tz)}
        </Text>
        {event.place && <Text className="event__line">地点：{event.place}</Text>}
        <Text className="event__line">
          {event.capacity === null ? `已报名 ${event.signedUp} 人` : `名额 ${event.signedUp} / ${event.capacity}`}
          {event.points ? ` · 到场签到 +${event.points} 积分` : ''}
          {event.minTier ? ` · 仅限${event.minTier}及以上` : ''}
        </Text>
        {event.description && <Text className="event__description">{event.description}</Text>}
        <View className="event__action">
          {event.mine === 'attended' && (
            <Text id="event-mine" className="admin-notice">
              已签到，积分已到账
            </Text>
          )}
          {event.mine === 'signedUp' && (
            <View>
              <Text id="event-mine" className="admin-notice">
                已报名：到场时出示「我的 → 会员码」给工作人员扫码签到
              </Text>
              {event.status === 'upcoming' && (
                <Text id="event-cancel" className="link" onClick={() => void cancel()}>
                  取消报名
                </Text>
              )}
            </View>
          )}
          {!event.mine && event.status !== 'ended' && !session.isStaff && (
            <Button
              id="event-sign-up"
              type="primary"
              block
              disabled={full}
              loading={events.acting.pending}
              onClick={() => void events.signUp()}
            >
              {full ? '名额已满' : '报名'}
            </Button>
          )}
          <ErrorLine message={events.acting.error} />
        </View>
      </View>

      <View className="card" id="event-coming">
        <Text className="event__subtitle">报名接龙（{events.coming.length}）</Text>
        {events.coming.length === 0 && <Text className="muted">还没有人报名，来做第一个</Text>}
        {events.coming.map((p, i) => (
          <Text key={`${p.nickname}-${i}`} className="event__person">
            {i + 1}. {p.nickname}
            {p.attended ? ' ✓ 已到' : ''}
          </Text>
        ))}
      </View>

      {session.isStaff && event.status === 'open' && (
        <View className="card" id="event-door">
          <Text className="event__subtitle">现场签到</Text>
          {process.env.TARO_ENV === 'weapp' && (
            <Button id="event-scan" type="primary" block loading={events.acting.pending} onClick={() => void events.attend()}>
              扫会员码签到
            </Button>
          )}
          <View className="row" style="gap: 12px; margin-top: 12px">
            <Input
              id="event-code"
              className="admin-input"
              style="flex: 1"
              value={typed}
              placeholder="或粘贴会员码"
              onInput={(e) => setTyped(e.detail.value)}
            />
            <Text id="event-attend" className="link" onClick={() => void events.attend(typed).then((done) => done && setTyped(''))}>
              签到
            </Text>
          </View>
          {events.attended && (
            <Text id="event-attended" className="admin-notice">
              {events.attended}
            </Text>
          )}
          <ErrorLine message={events.acting.error} />
          <Text className="muted" style="display: block; margin-top: 8px">
            已到 {events.attendees.filter((a) => a.attendedAt).length} / {events.attendees.length} 人
          </Text>
        </View>
      )}
    </View>
  );
}

export default observer(Event);
