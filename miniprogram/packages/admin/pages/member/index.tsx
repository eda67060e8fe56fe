import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { SEGMENTS } from '../../../../../cloudfunctions/core/activity';
import { BadgeWall } from '../../../../components/BadgeWall';
import { ErrorLine } from '../../../../components/ErrorLine';
import { NoticeLine } from '../../../../components/NoticeLine';
import { store } from '../../../../stores';
import { adjustmentProblems } from '../../../../stores/ConsoleStore';
import { formatTime } from '../../../../stores/format';
import '../../admin.css';
import { ROLE_NAMES } from '../../../../../cloudfunctions/core/roles';

const SEGMENT_NAMES = Object.fromEntries(SEGMENTS.map((s) => [s.key, s.name]));

/** One member for staff: their numbers and ledger; adjust with a reason; the owner also appoints and bans. */
function MemberPage() {
  const { session, console: admin } = store;
  const { params } = useRouter();
  const openid = decodeURIComponent(params.openid ?? '');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [banReason, setBanReason] = useState('');
  const [banTried, setBanTried] = useState(false);
  const [tried, setTried] = useState(false);
  useDidShow(() => void admin.open(openid));
  const member = admin.member?.openid === openid ? admin.member : null;
  const owner = session.role === 'owner';
  const problems = tried ? adjustmentProblems(amount, reason) : {};
  const tz = session.community?.timezone;

  async function adjust() {
    setTried(true);
    if (Object.keys(adjustmentProblems(amount, reason)).length) return;
    if (await admin.adjust(Number(amount.trim()), reason.trim())) {
      setAmount('');
      setReason('');
      setTried(false);
    }
  }

  async function ban(banned: boolean) {
    const text = banReason.trim() || (banned ? '' : '解除禁用');
    setBanTried(true);
    if (!text) return;
    const { confirm } = await Taro.showModal({
      title: banned ? `禁用「${member?.nickname}」？` : `解除「${member?.nickname}」的禁用？`,
      content: banned ? '禁用后不能再签到、发帖、回答、点赞、邀请和兑换，积分和记录保留。' : '解除后可以继续获得和使用积分。',
    });
    if (confirm && (await admin.ban(banned, text))) {
      setBanReason('');
      setBanTried(false);
    }
  }

  if (!member)
    return (
      <View className="card muted">
        {admin.loading ? '加载中…' : '没有找到这位成员'}
        <ErrorLine message={admin.error} />
      </View>
    );
  return (
    <View>
      <View className="card">
        <View className="row">
          <Text className="member-row__name">{member.nickname}</Text>
          {member.banned && <Text className="member-badge member-badge--banned">已禁用</Text>}
        </View>
        <Text className="muted">
          {ROLE_NAMES[member.role]} · {member.tier}
          {member.segment ? ` · ${SEGMENT_NAMES[member.segment]}` : ''}
        </Text>
        <View className="console-cards">
          <View className="console-card">
            <Text className="muted">当前积分</Text>
            <Text id="member-balance" className="console-card__n">
              {member.balance}
            </Text>
          </View>
          <View className="console-card">
            <Text className="muted">累计获得</Text>
            <Text className="console-card__n">{member.earnedTotal}</Text>
          </View>
          <View className="console-card">
            <Text className="muted">连续签到</Text>
            <Text className="console-card__n">{member.streak} 天</Text>
          </View>
          <View className="console-card">
            <Text className="muted">最近活跃</Text>
            <Text className="console-card__n" style="font-size: 28px">
              {member.lastActiveDay ?? '从未'}
            </Text>
          </View>
        </View>
      </View>

      {member.role !== 'owner' && (
        <View className="card">
          <Text className="muted">调整积分</Text>
          <View className="admin-field">
            <Text className="admin-field__label">积分（扣分填负数）</Text>
            <Input
              id="adjust-amount"
              className="admin-input"
              type="text"
              placeholder="例如 50 或 -20"
              value={amount}
              onInput={(e) => setAmount(e.detail.value)}
            />
            {problems.amount && (
              <Text id="adjust-amount-error" className="admin-field__error">
                {problems.amount}
              </Text>
            )}
          </View>
          <View className="admin-field">
            <Text className="admin-field__label">原因（成员可见）</Text>
            <Input
              id="adjust-reason"
              className="admin-input"
              placeholder="例如 线下活动奖励"
              value={reason}
              onInput={(e) => setReason(e.detail.value)}
            />
            {problems.reason && (
              <Text id="adjust-reason-error" className="admin-field__error">
                {problems.reason}
              </Text>
            )}
          </View>
          <View className="row admin-buttons">
            <Button id="adjust-submit" type="primary" size="small" disabled={admin.busy} onClick={() => void adjust()}>
              确认调整
            </Button>
          </View>
        </View>
      )}

      {owner && member.role !== 'owner' && (
        <View className="card">
          <Text className="muted">群主操作</Text>
          <View className="row admin-buttons">
            <Button
              id="toggle-moderator"
              size="small"
              disabled={admin.busy}
              onClick={() => void admin.setModerator(member.role !== 'moderator')}
            >
              {member.role === 'moderator' ? '取消管理员' : '设为管理员'}
            </Button>
          </View>
          <View className="admin-field">
            <Text className="admin-field__label">{member.banned ? '解除原因（可不填）' : '禁用原因（必填，记入操作日志）'}</Text>
            <Input
              id="ban-reason"
              className="admin-input"
              placeholder={member.banned ? '例如 已核实' : '例如 多次发广告'}
              value={banReason}
              onInput={(e) => setBanReason(e.detail.value)}
            />
            {banTried && !member.banned && !banReason.trim() && (
              <Text id="ban-reason-error" className="admin-field__error">
                请写明禁用原因，它会记入操作日志
              </Text>
            )}
          </View>
          <View className="row admin-buttons">
            {member.banned ? (
              <Button id="unban" size="small" disabled={admin.busy} onClick={() => void ban(false)}>
                解除禁用
              </Button>
            ) : (
              <Button id="ban" size="small" disabled={admin.busy} onClick={() => void ban(true)}>
                禁用
              </Button>
            )}
          </View>
        </View>
      )}

      <NoticeLine id="member-notice" message={admin.notice} />
      <View className="card">
        <Text className="muted">
          徽章 {admin.badges.filter((b) => b.earnedAt).length}/{admin.badges.length}
        </Text>
        <BadgeWall id="member-badges" badges={admin.badges} />
      </View>
      <View className="card" id="member-transfers">
        <Text className="muted">
          转赠往来（转出 {admin.transfers.filter((t) => t.direction === 'out').reduce((sum, t) => sum + t.points, 0)} · 转入{' '}
          {admin.transfers.filter((t) => t.direction === 'in').reduce((sum, t) => sum + t.points, 0)}）
        </Text>
        {admin.transfers.length === 0 && <Text className="muted">没有转赠记录</Text>}
        {admin.transfers.map((t, i) => (
          <View
            key={`${t.createdAt}-${i}`}
            className="member-row transfer-row"
            onClick={() =>
              t.openid && void Taro.navigateTo({ url: `/packages/admin/pages/member/index?openid=${encodeURIComponent(t.openid)}` })
            }
          >
            <View>
              <Text>{t.reason}</Text>
              <View className="member-row__meta">
                {formatTime(t.createdAt, tz)}
                {t.message ? ` · “${t.message}”` : ''}
              </View>
            </View>
            <Text className={t.direction === 'in' ? 'up' : 'down'}>{t.direction === 'in' ? `+${t.points}` : `-${t.points}`}</Text>
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="muted">最近积分明细</Text>
        {admin.entries.length === 0 && <Text className="muted">还没有积分记录</Text>}
        {admin.entries.map((e) => (
          <View key={e.id} className="member-row">
            <View>
              <Text>{e.reason}</Text>
              <View className="member-row__meta">{formatTime(e.createdAt, tz)}</View>
            </View>
            <Text className={e.delta > 0 ? 'up' : 'down'}>{e.delta > 0 ? `+${e.delta}` : e.delta}</Text>
          </View>
        ))}
      </View>
      <ErrorLine message={admin.error} />
    </View>
  );
}

export default observer(MemberPage);
