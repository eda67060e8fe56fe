import { Button as NativeButton, Image, Input, Picker, Switch, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { BadgeWall } from '../../components/BadgeWall';
import { ErrorLine } from '../../components/ErrorLine';
import { NoticeLine } from '../../components/NoticeLine';
import { store } from '../../stores';
import { METRIC_NAMES } from '../../stores/CampaignsStore';
import { WornName } from '../../components/WornName';
import { formatTime } from '../../stores/format';
import { lookName } from '../../../cloudfunctions/core/wearables';
import type { TaskKey } from '../../../cloudfunctions/core/rules';
import './index.css';
import { ROLE_NAMES } from '../../../cloudfunctions/core/roles';

/** WeChat's avatar chooser exists only in the mini-program; H5 picks from the album. */
const IN_WEAPP = process.env.TARO_ENV === 'weapp';
const go = (url: string) => () => void Taro.navigateTo({ url });

/** Where each newcomer task is done: a tab, a page, or (the profile) right here at the top. */
const TASK_PLACES: Record<TaskKey, { tab?: string; page?: string }> = {
  profile: {},
  firstCheckin: { tab: '/pages/home/index' },
  firstPost: { page: '/packages/posts/pages/compose/index' },
  firstAnswer: { page: '/packages/qa/pages/index/index' },
  firstInvite: { page: '/packages/referral/pages/invite/index' },
};
function goDo(task: TaskKey): void {
  const place = TASK_PLACES[task];
  if (place.tab) void Taro.switchTab({ url: place.tab });
  else if (place.page) void Taro.navigateTo({ url: place.page });
  else void Taro.pageScrollTo({ scrollTop: 0, duration: 300 });
}

/** A progress bar (plain views: one progress component per package keeps the shared styles in one order). */
const Bar = ({ percent }: { percent: number }) => (
  <View className="me-bar">
    <View className="me-bar__fill" style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
  </View>
);

/** 我的: who I am here, my tier and what it gives, my badges, the newcomer tasks, my profile. */
function Me() {
  const { session, mine } = store;
  useDidShow(() => {
    mine.clearNotice();
    void (session.community ? Promise.resolve() : session.load()).then(() => (session.isMember ? mine.load() : undefined));
  });
  const me = mine.me;
  if (!me) {
    return (
      <View className="card muted" id="me-loading">
        {mine.error ? '没能加载' : '加载中…'}
        <ErrorLine message={mine.error} />
        {mine.error && (
          <Text className="link" onClick={() => void mine.load()}>
            重试
          </Text>
        )}
      </View>
    );
  }
  const tier = me.tier;
  const frame = me.worn.frame ? `frame--${me.worn.frame}` : '';
  return (
    <View className="me">
      <View className="card me-profile">
        {IN_WEAPP ? (
          <NativeButton
            id="avatar-button"
            className={`me-avatar ${frame}`}
            openType="chooseAvatar"
            onChooseAvatar={(e) => void mine.chooseAvatar(e.detail.avatarUrl)}
          >
            {me.avatar ? <Image className="me-avatar__img" src={me.avatar} mode="aspectFill" /> : <Text>头像</Text>}
          </NativeButton>
        ) : (
          <View id="avatar-button" className={`me-avatar ${frame}`} onClick={() => void mine.chooseAvatar()}>
            {me.avatar ? <Image className="me-avatar__img" src={me.avatar} mode="aspectFill" /> : <Text>头像</Text>}
          </View>
        )}
        <View className="me-profile__text">
          {mine.nicknameDraft === null ? (
            <View className="row">
              <WornName id="me-nickname" className="me-nickname" nickname={me.nickname} worn={me.worn} ring={false} />
              <Text id="edit-nickname" className="link" onClick={() => mine.editNickname()}>
                修改
              </Text>
            </View>
          ) : (
            <View className="row">
              <Input
                id="nickname-input"
                className="me-input"
                type="nickname"
                value={mine.nicknameDraft}
                placeholder="填写昵称"
                onInput={(e) => mine.setNicknameDraft(e.detail.value)}
                onBlur={(e) => mine.setNicknameDraft(e.detail.value)}
              />
              <Text id="save-nickname" className="link" onClick={() => void mine.saveNickname()}>
                保存
              </Text>
            </View>
          )}
          <Text className="muted">
            {session.role ? ROLE_NAMES[session.role] : ''} · {session.community?.name}
          </Text>
        </View>
      </View>

      <View className="card me-tier" id="tier-card">
        {/* What can be spent comes first; the tier's progress counts what was ever earned, which spending does not lower. */}
        <View className="me-balance">
          <Text className="muted">可用积分</Text>
          <Text id="me-balance" className="me-balance__n">
            {me.balance}
          </Text>
        </View>
        <View className="row">
          <Text className="tier-badge" id="me-tier">
            {tier.name}
          </Text>
          <Text className="muted">{tier.multiplier > 1 ? `积分 ×${tier.multiplier}` : '积分 ×1'}</Text>
        </View>
        <Text className="muted me-tier__points">
          {tier.nextName
            ? `累计获得 ${tier.points} / ${tier.nextMinPoints} 分，再得 ${Math.max(0, (tier.nextMinPoints ?? 0) - tier.points)} 分升级「${tier.nextName}」`
            : `累计获得 ${tier.points} 分，已是最高等级`}
        </Text>
        <Bar percent={mine.tierPercent} />
        {tier.keep && (
          <Text id="tier-keep" className="me-keep">
            保级提醒：{tier.keep.by} 前近期累计获得 {tier.keep.minPoints} 分即可保住「{tier.name}」
          </Text>
        )}
        {tier.perks.length > 0 && (
          <View className="me-perks">
            {tier.perks.map((perk) => (
              <Text key={perk} className="me-perk">
                ✓ {perk}
              </Text>
            ))}
          </View>
        )}
        <Text id="rules-page-link" className="link" onClick={go('/packages/engage/pages/rules/index')}>
          等级与积分规则 ›
        </Text>
      </View>

      {me.wardrobe.length > 0 && (
        <View className="card" id="wardrobe">
          <Text className="muted">我的装扮（点一下佩戴或取下）</Text>
          {(['title', 'frame'] as const).map((kind) =>
            mine.wardrobeOf(kind).map((w) => (
              <View
                key={w.itemId}
                id={`wear-${w.itemId}`}
                className={`row me-wear ${w.worn ? 'me-wear--on' : ''}`}
                onClick={() => void mine.wear(kind, w.worn ? null : w.itemId)}
              >
                <Text>
                  {w.worn ? '✓ ' : ''}
                  {lookName(kind, w.look)}
                </Text>
                <Text className="muted">
                  {w.until ? `${formatTime(w.until, session.community?.timezone)} 到期` : '永久'} · {w.worn ? '取下' : '佩戴'}
                </Text>
              </View>
            )),
          )}
        </View>
      )}

      <View className="card">
        <View className="row">
          <Text className="muted">
            我的徽章 {mine.earnedBadges}/{mine.badges.length}
          </Text>
        </View>
        <BadgeWall badges={mine.badges} />
      </View>

      {mine.tasks.some((t) => t.points > 0) && (
        <View className="card" id="tasks">
          <Text className="muted">
            新手任务（已完成 {mine.tasks.length - mine.tasksLeft.length}/{mine.tasks.length}）
          </Text>
          {mine.tasks.map((task) => (
            <View
              key={task.key}
              id={`task-${task.key}`}
              className={`row me-task ${task.done ? 'me-task--done' : ''}`}
              onClick={() => !task.done && goDo(task.key)}
            >
              <Text>
                {task.done ? '✓ ' : '○ '}
                {task.name}
              </Text>
              <Text className={task.done ? 'muted' : 'link'}>{task.done ? '已完成' : `+${task.points} 去完成 ›`}</Text>
            </View>
          ))}
        </View>
      )}

      {mine.challenges.length > 0 && (
        <View className="card" id="challenges">
          <Text className="muted">进行中的挑战</Text>
          {mine.challenges.map((c) => (
            <View key={c.id} className="me-challenge">
              <View className="row">
                <Text>{c.name}</Text>
                <Text className="muted">{c.done ? `已完成 +${c.bonusPoints}` : `${METRIC_NAMES[c.metric]} ${c.current}/${c.target}`}</Text>
              </View>
              <Bar percent={Math.floor((c.current / c.target) * 100)} />
            </View>
          ))}
        </View>
      )}

      <View className="card">
        <Text className="muted">生日</Text>
        {me.birthday ? (
          <Text id="me-birthday" className="me-line">
            {me.birthday.replace('-', ' 月 ')} 日（设置后不能更改）
          </Text>
        ) : (
          <View>
            <Picker
              mode="date"
              value={`2000-${mine.birthdayDraft || '01-01'}`}
              start="2000-01-01"
              end="2000-12-31"
              fields="day"
              onChange={(e) => mine.setBirthdayDraft(String(e.detail.value).slice(5))}
            >
              <View id="birthday-picker" className="me-input">
                {mine.birthdayDraft ? mine.birthdayDraft.replace('-', ' 月 ') + ' 日' : '选择生日'}
              </View>
            </Picker>
            {mine.birthdayError && <Text className="field-error">{mine.birthdayError}</Text>}
            {mine.confirmingBirthday ? (
              <View className="me-confirm" id="birthday-confirm">
                <Text>生日保存后不能更改；距离生日不足 30 天时，今年不送生日礼。确定保存吗？</Text>
                <View className="row">
                  <Button size="small" onClick={() => mine.cancelBirthday()}>
                    再想想
                  </Button>
                  <Button
                    id="birthday-confirm-yes"
                    size="small"
                    type="primary"
                    disabled={mine.busy}
                    onClick={() => void mine.saveBirthday()}
                  >
                    确定
                  </Button>
                </View>
              </View>
            ) : (
              <Button id="save-birthday" size="small" disabled={mine.busy} onClick={() => void mine.saveBirthday()}>
                保存生日
              </Button>
            )}
          </View>
        )}
      </View>

      <View className="card row">
        <View>
          <Text className="me-line">在排行榜上显示我</Text>
          <Text className="muted" style="display: block">
            关闭后排行榜上看不到你的名字和积分
          </Text>
        </View>
        <Switch
          id="board-switch"
          checked={!me.hideFromLeaderboard}
          color="#e8743b"
          onChange={(e) => void mine.setHidden(!e.detail.value)}
        />
      </View>

      <View className="card me-links">
        <Text id="leaderboard-link" onClick={go('/packages/engage/pages/leaderboard/index')}>
          排行榜 ›
        </Text>
        <Text onClick={go('/pages/ledger/index')}>积分明细 ›</Text>
        <Text onClick={go('/packages/mall/pages/orders/index')}>我的订单 ›</Text>
        <Text onClick={go('/pages/notices/index')}>消息 ›</Text>
        <Text id="member-code-link" onClick={go('/packages/engage/pages/membercode/index')}>
          会员码 ›
        </Text>
        <Text id="claim-link" onClick={go('/packages/community/pages/claim/index')}>
          领取期初积分 ›
        </Text>
      </View>
      <NoticeLine id="me-notice" message={mine.notice} className="notice" />
      <ErrorLine message={mine.error} />
    </View>
  );
}

export default observer(Me);
