import { Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button, CalendarCard, Progress } from '@nutui/nutui-react-taro';
import { open } from '../../components/navigation';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { DevIdentitySwitcher } from '../../components/DevIdentitySwitcher';
import { WornName } from '../../components/WornName';
import { JoinForm } from '../../components/JoinForm';
import { ErrorLine } from '../../components/ErrorLine';
import { NoticeLine } from '../../components/NoticeLine';
import { devIdentity, store } from '../../stores';
import { describeCampaign } from '../../stores/CampaignsStore';
import { formatLastDay, formatTime } from '../../stores/format';
import { checkinBreakdown } from '../../stores/PointsStore';
import './index.css';

async function refresh() {
  if (devIdentity && !devIdentity.people.length) await devIdentity.load().catch(() => undefined);
  await store.session.load();
  if (store.session.isMember)
    await Promise.all([store.points.load(), store.notices.load(), store.campaigns.load(), store.reminders.load(), store.events.load()]);
  // Staff see on their card what waits for them; the owner, their first steps (a reward on sale is one).
  if (store.session.isStaff) await Promise.all([store.review.load(), store.mallAdmin.loadOrders('pending')]);
  if (store.checklist.open.includes('stockReward')) await store.mall.load();
}

/** Sharing a card is WeChat's; the local H5 has no chat to share to. */
const IN_WEAPP = process.env.TARO_ENV === 'weapp';

const HOURS = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, '0')}:00`);

/** After checking in: 明天提醒我 at an hour of the member's choice, and how many reminders are left. */
const ReminderRow = observer(function ReminderRow() {
  const { reminders } = store;
  return (
    <View className="reminder" id="reminder">
      <View className="row">
        <Picker mode="selector" range={HOURS} value={reminders.hour} onChange={(e) => reminders.setHour(Number(e.detail.value))}>
          <Text id="reminder-hour" className="link">
            明天 {HOURS[reminders.hour]} ▾
          </Text>
        </Picker>
        <Button id="reminder-button" size="small" loading={reminders.request.pending} onClick={() => void reminders.remindMe()}>
          明天提醒我
        </Button>
      </View>
      {reminders.notice ? (
        <Text id="reminder-notice" className="muted">
          {reminders.notice}
        </Text>
      ) : (
        reminders.reminders &&
        reminders.reminders.left > 0 && (
          <Text id="reminder-left" className="muted">
            还可提醒 {reminders.reminders.left} 次（没签到才提醒）
          </Text>
        )
      )}
      <ErrorLine message={reminders.request.error} />
    </View>
  );
});

function Home() {
  const { session, points } = store;
  const { params } = useRouter();
  useEffect(() => {
    if (params.communityId) session.useCommunity(params.communityId);
  }, [params.communityId]);
  // The card shared to the group opens this community (and, in a bound group, its members land here anyway).
  useShareAppMessage(() => ({
    // Shared right after checking in (the 晒一晒 button), the card tells the streak.
    title: session.community
      ? points.lastCheckin
        ? `我在「${session.community.name}」已连续签到 ${points.lastCheckin.streak} 天，一起来领积分`
        : `「${session.community.name}」每天签到领积分，积分兑好礼`
      : '社群积分',
    path: session.communityId ? `/pages/home/index?communityId=${session.communityId}` : '/pages/home/index',
  }));
  useDidShow(() => {
    store.points.clearNotice();
    void refresh();
  });
  const [openBanner, setOpenBanner] = useState<string | null>(null);

  const me = points.me;
  const waiting = session.isStaff ? store.review.count + (store.mallAdmin.filter === 'pending' ? store.mallAdmin.orders.length : 0) : 0;
  return (
    <View className="home">
      {devIdentity && (
        <DevIdentitySwitcher
          identity={devIdentity}
          onChange={() => {
            // The last person's check-in pop is not the new person's.
            points.animationPlayed();
            void refresh();
          }}
        />
      )}
      {session.inNoCommunity && (
        <View className="card" id="no-community">
          <Text>还没有社群：从群里分享的小程序卡片进入你的社群，或者自己创建一个。</Text>
          <View className="no-community__action">
            <Button id="go-create" type="primary" block onClick={() => void open('/packages/community/pages/create/index')}>
              创建社群
            </Button>
          </View>
        </View>
      )}
      {session.community && !session.isMember && !session.loading && (
        <View className="card join-card">
          <Text className="join-card__title">{session.community.name}</Text>
          <Text className="muted">加入社群，每天签到赚积分，积分可在商城兑换好礼。</Text>
          <JoinForm onJoined={() => void points.load()} />
        </View>
      )}
      {session.isMember && me && (
        <>
          <View className="card hero">
            <View className="row">
              <Text className="hero__community" id="switch-community" onClick={() => void open('/packages/community/pages/mine/index')}>
                {session.community?.name} ▾
              </Text>
              <WornName className="hero__who" nickname={me.nickname} worn={me.worn} ring={false} />
            </View>
            <Text className="muted">可用积分</Text>
            <Text className="hero__balance" id="balance">
              {me.balance}
            </Text>
            <View className="row hero__tier">
              <Text className="tier-badge" id="tier-name">
                {me.tier.name}
              </Text>
              <Text className="muted" id="tier-next">
                {me.tier.nextName ? `再得 ${points.pointsToNextTier} 分升级「${me.tier.nextName}」` : '已是最高等级'}
              </Text>
            </View>
            <Progress percent={points.tierPercent} color="#e8743b" background="#f1e6da" strokeWidth="6" />
            {me.expiring && (
              <Text className="expiring" id="expiring">
                有 {me.expiring.points} 分将在 {formatLastDay(me.expiring.at, session.community?.timezone)} 后过期，记得去兑换
              </Text>
            )}
          </View>

          {session.isStaff && (
            // Staff see their work first: what waits for them, at the top (#28), then their tools.
            <View className="card staff-card" id="staff-card">
              <View className="row">
                <Text className="muted">{session.role === 'owner' ? '群主工具' : '管理工具'}</Text>
                <Text id="staff-waiting" className={waiting ? 'staff-waiting' : 'muted'}>
                  {waiting ? `等你处理 ${waiting} 件` : '暂无待处理'}
                </Text>
              </View>
              <View className="row staff-links">
                {session.role === 'owner' && (
                  <Text id="bind-group" onClick={() => void session.bindGroup()}>
                    {session.groupBound ? '已绑定本群 ✓' : '绑定当前微信群 ›'}
                  </Text>
                )}
                <Text id="console-link" onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/console/index' })}>
                  控制台 ›
                </Text>
                <Text id="admin-review-link" onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/review/index' })}>
                  内容审核
                  {store.review.posts.length > 0 && (
                    <Text className="badge" id="review-waiting">
                      {store.review.count}
                    </Text>
                  )}{' '}
                  ›
                </Text>
                <Text id="admin-orders-link" onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/orders/index' })}>
                  订单处理
                  {store.mallAdmin.filter === 'pending' && store.mallAdmin.orders.length > 0 && (
                    <Text className="badge" id="orders-waiting">
                      {store.mallAdmin.orders.length}
                    </Text>
                  )}{' '}
                  ›
                </Text>
                {/* Stocking the mall and setting up draws are the owner's: a moderator is not shown them. */}
                {session.role === 'owner' && (
                  <Text id="admin-items-link" onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/items/index' })}>
                    奖品管理 ›
                  </Text>
                )}
                {session.role === 'owner' && (
                  <Text id="admin-campaigns-link" onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/campaigns/index' })}>
                    活动 ›
                  </Text>
                )}
                {session.role === 'owner' && (
                  <Text id="admin-draws-link" onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/draws/index' })}>
                    抽奖设置 ›
                  </Text>
                )}
              </View>
            </View>
          )}
          {store.checklist.open.length > 0 && (
            <View className="card checklist" id="owner-checklist">
              <Text className="checklist__title">开始之前 · 还有 {store.checklist.open.length} 步</Text>
              {store.checklist.open.includes('bindGroup') && (
                <View className="checklist__step row" id="step-bindGroup">
                  <Text>在微信群里点开小程序卡片，绑定本群</Text>
                  <Text className="link" onClick={() => void session.bindGroup()}>
                    绑定本群 ›
                  </Text>
                </View>
              )}
              {store.checklist.open.includes('stockReward') && (
                <View className="checklist__step row" id="step-stockReward">
                  <Text>上架一件入门奖品，让积分有处可用</Text>
                  <Text className="link" onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/items/index' })}>
                    去上架 ›
                  </Text>
                </View>
              )}
              {store.checklist.open.includes('shareCard') && (
                <View className="checklist__step row" id="step-shareCard">
                  <Text>把小程序卡片分享到群里</Text>
                  <Button id="share-card" size="small" type="primary" openType="share" onClick={() => store.checklist.markShared()}>
                    分享到群
                  </Button>
                </View>
              )}
            </View>
          )}

          {/* One line each, so the check-in button stays above the fold; a tap opens one. */}
          <View id="campaign-banners">
            {store.campaigns.banners.map((c) => (
              <View
                key={c.id}
                id={`campaign-banner-${c.id}`}
                className={`campaign-banner ${c.status === 'active' ? 'campaign-banner--on' : ''} ${openBanner === c.id ? 'campaign-banner--open' : ''}`}
                onClick={() => setOpenBanner(openBanner === c.id ? null : c.id)}
              >
                <View className="campaign-banner__line">
                  <Text className="campaign-banner__tag">{c.status === 'active' ? '进行中' : '即将开始'}</Text>
                  <Text className="campaign-banner__name">{c.name}</Text>
                  <Text className="campaign-banner__what">{describeCampaign(c)}</Text>
                </View>
                {openBanner === c.id && (
                  <Text className="campaign-banner__when">
                    {c.status === 'active'
                      ? `${formatTime(c.endsAt, session.community?.timezone)} 结束`
                      : `${formatTime(c.startsAt, session.community?.timezone)} 开始`}
                  </Text>
                )}
              </View>
            ))}
          </View>

          <View className="card checkin">
            <View className="row">
              <View>
                <Text className="checkin__streak" id="streak">
                  已连续签到 {me.streak} 天
                </Text>
                <Text className="muted checkin__hint" id="bonus-hint">
                  {me.checkinPays?.multiplier ? `今日签到积分 ×${me.checkinPays.multiplier} · ` : ''}
                  {me.nextBonusIn === 0
                    ? `今天签到再得连签奖励 +${me.streakBonus}`
                    : `再签 ${me.nextBonusIn} 天得连签奖励 +${me.streakBonus}`}
                </Text>
              </View>
              <View className="checkin__action">
                <Button
                  id="checkin-button"
                  type="primary"
                  shape="round"
                  disabled={me.checkedInToday}
                  loading={points.checkingIn}
                  onClick={() => void points.checkIn()}
                >
                  {me.checkedInToday ? '今日已签到' : `签到 +${me.checkinPays ? me.checkinPays.points + me.checkinPays.bonus : ''}`}
                </Button>
              </View>
            </View>
            {/* What the check-in paid, in a line of its own (nothing moves under it), for the rest of the day. */}
            {points.lastCheckin && me.checkedInToday && (
              <View className="checkin__result" id="checkin-pop">
                <Text className="checkin__total">+{checkinBreakdown(points.lastCheckin).total} 积分</Text>
                {checkinBreakdown(points.lastCheckin).parts && (
                  <Text className="checkin__parts">{checkinBreakdown(points.lastCheckin).parts}</Text>
                )}
                {IN_WEAPP && (
                  <Button id="checkin-share" size="small" openType="share" className="checkin__share">
                    晒一晒
                  </Button>
                )}
              </View>
            )}
            <CalendarCard
              type="multiple"
              firstDayOfWeek={1}
              value={points.checkedDays.map((day) => new Date(`${day}T00:00:00`))}
              onPageChange={({ year, month }) => void points.loadMonth(`${year}-${String(month).padStart(2, '0')}`)}
              onDayClick={(day) => void points.offerMakeUp(dayKey(day))}
              renderDayTop={(day) => (dayKey(day) === me.today ? <Text className="calendar-today">今天</Text> : null)}
              renderDayBottom={(day) =>
                points.madeUpDays.includes(dayKey(day)) ? (
                  <Text className="calendar-mark calendar-mark--made-up">补签</Text>
                ) : points.checkedDays.includes(dayKey(day)) ? (
                  <Text className="calendar-mark">已签</Text>
                ) : null
              }
            />
            <Text className="muted">漏签的日子点一下可以补签</Text>
            {points.makeUpOffer && (
              <View className="make-up" id="make-up">
                {points.makeUpOffer.problem ? (
                  <Text id="make-up-problem">{points.makeUpOffer.problem}</Text>
                ) : (
                  <Text id="make-up-offer">
                    补签 {Number(points.makeUpOffer.day.slice(5, 7))} 月 {Number(points.makeUpOffer.day.slice(8))} 日：花{' '}
                    {points.makeUpOffer.cost} 分，连签将变为 {points.makeUpOffer.streak} 天（本月还能补 {points.makeUpOffer.leftThisMonth}{' '}
                    次）
                  </Text>
                )}
                <View className="row make-up__buttons">
                  <Button size="small" onClick={() => points.dismissMakeUp()}>
                    {points.makeUpOffer.problem ? '知道了' : '取消'}
                  </Button>
                  {!points.makeUpOffer.problem && (
                    <Button
                      id="make-up-confirm"
                      size="small"
                      type="primary"
                      loading={points.makingUpPending}
                      onClick={() => void points.confirmMakeUp()}
                    >
                      确认补签
                    </Button>
                  )}
                </View>
              </View>
            )}
            <NoticeLine id="checkin-notice" message={points.notice} className="notice" />
            {me.checkedInToday && <ReminderRow />}
          </View>

          {store.events.upcoming.length > 0 && (
            <View className="card" id="home-events">
              <Text className="home-events__title">近期活动</Text>
              {store.events.upcoming.slice(0, 3).map((e) => (
                <View
                  key={e.id}
                  id={`home-event-${e.id}`}
                  className="home-event"
                  onClick={() => open(`/packages/engage/pages/event/index?eventId=${e.id}`)}
                >
                  <Text className="home-event__name">{e.title}</Text>
                  <Text className="muted">
                    {formatTime(e.startsAt, session.community?.timezone)} ·{' '}
                    {e.capacity === null ? `${e.signedUp} 人报名` : `${e.signedUp}/${e.capacity}`}
                    {e.mine === 'signedUp' ? ' · 已报名' : e.mine === 'attended' ? ' · 已签到' : ''}
                  </Text>
                </View>
              ))}
            </View>
          )}

          <View className="card earn-links">
            <View className="earn-link" id="feed-link" onClick={() => open('/pages/feed/index')}>
              <Text className="earn-link__title">经验分享</Text>
              <Text className="muted">
                通过得 {session.community?.rules.post.minPoints}–{session.community?.rules.post.maxPoints} 分
              </Text>
            </View>
            <View className="earn-link" id="qa-link" onClick={() => Taro.navigateTo({ url: '/packages/qa/pages/index/index' })}>
              <Text className="earn-link__title">问答</Text>
              <Text className="muted">采纳得 {session.community?.rules.answer.acceptedPoints} 分</Text>
            </View>
            <View
              className="earn-link"
              id="invite-link-home"
              onClick={() => Taro.navigateTo({ url: '/packages/referral/pages/invite/index' })}
            >
              <Text className="earn-link__title">邀请好友</Text>
              <Text className="muted">每位得 {session.community?.rules.referral.inviterPoints} 分</Text>
            </View>
            <View className="earn-link" id="notices-link" onClick={() => Taro.navigateTo({ url: '/pages/notices/index' })}>
              <Text className="earn-link__title">
                消息
                {store.notices.unread > 0 && (
                  <Text className="badge" id="notices-badge">
                    {store.notices.badge}
                  </Text>
                )}
              </Text>
              <Text className="muted">审核结果</Text>
            </View>
          </View>
          <View className="card row" id="mall-link" onClick={() => open('/pages/mall/index')}>
            <Text>积分商城</Text>
            <Text className="muted">用积分兑好礼 ›</Text>
          </View>
          <View className="card earn-links">
            <View className="earn-link" id="me-link" onClick={() => open('/pages/me/index')}>
              <Text className="earn-link__title">我的</Text>
              <Text className="muted">等级、徽章、任务</Text>
            </View>
            <View
              className="earn-link"
              id="leaderboard-link-home"
              onClick={() => Taro.navigateTo({ url: '/packages/engage/pages/leaderboard/index' })}
            >
              <Text className="earn-link__title">排行榜</Text>
              <Text className="muted">本周谁最活跃</Text>
            </View>
            <View
              className="earn-link"
              id="rules-page-link-home"
              onClick={() => Taro.navigateTo({ url: '/packages/engage/pages/rules/index' })}
            >
              <Text className="earn-link__title">积分规则</Text>
              <Text className="muted">怎么赚、怎么用</Text>
            </View>
          </View>
          <View className="card row" id="ledger-link" onClick={() => Taro.navigateTo({ url: '/pages/ledger/index' })}>
            <Text>积分明细</Text>
            <Text className="muted">累计获得 {me.earnedTotal} 分 ›</Text>
          </View>
        </>
      )}
      <ErrorLine message={points.error ?? session.error} onRetry={() => void refresh()} />
    </View>
  );
}

const dayKey = (day: { year: number; month: number; date: number }) =>
  `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.date).padStart(2, '0')}`;

export default observer(Home);
