import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { open } from '../../components/navigation';
import { observer } from 'mobx-react-lite';
import type { NoticeView } from '../../../cloudfunctions/contract/api';
import { ErrorLine } from '../../components/ErrorLine';
import { store } from '../../stores';
import { formatTime } from '../../stores/format';
import './index.css';

/** Where a notice leads: an accepted answer to Q&A, an order (or a funded 众筹, a refund) to my orders, an adjustment to the ledger, a refunded 众筹 to the pools, a badge or a tier to 我的, a post to my posts. */
function openNotice(notice: NoticeView) {
  if (notice.kind === 'answer_accepted') return open('/packages/qa/pages/index/index');
  if (
    notice.kind === 'order_fulfilled' ||
    notice.kind === 'order_cancelled' ||
    notice.kind === 'order_refunded' ||
    notice.kind === 'order_paid' ||
    notice.kind === 'pool_funded'
  )
    return open('/packages/mall/pages/orders/index');
  if (notice.kind === 'points_adjusted') return open('/pages/ledger/index');
  if (notice.kind === 'pool_failed') return open('/packages/mall/pages/pools/index');
  if (notice.kind === 'expiry_soon') return open('/pages/mall/index');
  if (notice.kind === 'achievement' || notice.kind === 'tier_keep' || notice.kind === 'tier_down' || notice.kind === 'referral_rewarded')
    return open('/pages/me/index');
  store.posts.tab = 'mine';
  return open('/pages/feed/index');
}

/** Review outcomes and accepted answers, newest first; opening the page reads them. */
function Notices() {
  const { notices, session, reminders } = store;
  useDidShow(() => {
    void notices.load().then(() => notices.markAllRead());
    void reminders.load();
  });
  return (
    <View>
      <View className="card row" id="announcements">
        <Text className="muted">
          {reminders.announcementNotice ??
            (reminders.announcementsLeft
              ? `群公告会发到微信（还可接收 ${reminders.announcementsLeft} 条）`
              : '群主发公告时，也通过微信通知我')}
        </Text>
        <Text id="announcements-subscribe" className="link" onClick={() => void reminders.tellMeAnnouncements()}>
          {reminders.announcementsLeft ? '再接收一条' : '开启'}
        </Text>
      </View>
      {!notices.loaded && !notices.error && <View className="card muted">加载中…</View>}
      {notices.loaded && notices.notices.length === 0 && <View className="card muted">暂时没有消息</View>}
      {notices.notices.map((notice) => (
        <View
          key={notice.id}
          id={`notice-${notice.id}`}
          className={`card notice ${notice.read ? '' : 'notice--new'}`}
          onClick={() => void openNotice(notice)}
        >
          <View className="row">
            <Text className="notice__title">{notice.title}</Text>
            {notice.points !== 0 && (
              <Text className={notice.points > 0 ? 'notice__plus' : 'notice__minus'}>
                {notice.points > 0 ? `+${notice.points}` : notice.points}
              </Text>
            )}
          </View>
          {notice.body && <Text className="notice__body">{notice.body}</Text>}
          <Text className="muted">{formatTime(notice.createdAt, session.community?.timezone)}</Text>
        </View>
      ))}
      <ErrorLine message={notices.error} onRetry={() => void notices.load()} />
    </View>
  );
}

export default observer(Notices);
