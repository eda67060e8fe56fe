import { Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { DateTimeField } from '../../../../components/DateTimeField';
import { TextField } from '../../../../components/TextField';
import { ErrorLine } from '../../../../components/ErrorLine';
import { NoticeLine } from '../../../../components/NoticeLine';
import { MoreButton } from '../../../../components/MoreButton';
import { store } from '../../../../stores';
import {
  ACTION_NAMES,
  describeCampaign,
  describePilot,
  KIND_NAMES,
  METRIC_NAMES,
  type CampaignKind,
  type PilotReport,
} from '../../../../stores/CampaignsStore';
import { SEGMENTS } from '../../../../../cloudfunctions/core/activity';
import { formatTime } from '../../../../stores/format';
import '../../admin.css';

const KINDS = Object.keys(KIND_NAMES) as CampaignKind[];
const METRICS = Object.keys(METRIC_NAMES) as Array<keyof typeof METRIC_NAMES>;
const STATUS_NAMES = { upcoming: '未开始', active: '进行中', ended: '已结束' } as const;
const PILOT_CHOICES = [
  ['all', '全部成员'],
  ['share', '随机一部分'],
  ['segment', '某个分层'],
] as const;

/** A pilot against the rest, per member over the same days. */
function PilotComparison({ id, report }: { id: string; report: PilotReport }) {
  const { pilot, rest } = report.compared;
  const rows: Array<[string, (g: typeof pilot) => string]> = [
    ['人数', (g) => String(g.members)],
    ['人均活跃天数', (g) => String(g.activeDays)],
    ['人均获得积分', (g) => String(g.earned)],
    ['人均花费积分', (g) => String(g.spent)],
    ['留存（首周活跃者末周仍活跃）', (g) => (g.retention === null ? '—' : `${Math.round(g.retention * 100)}%`)],
  ];
  return (
    <View id={id} className="reach-progress">
      <Text>
        试点对比 {report.from} 至 {report.to}
        {report.status === 'running' ? `（统计中，已统计 ${report.counted} 人，稍后再看）` : ''}
      </Text>
      <View className="pilot-table">
        <Text className="muted" />
        <Text className="muted">试点</Text>
        <Text className="muted">其余</Text>
        {rows.map(([label, value]) => [
          <Text key={`${label}-l`}>{label}</Text>,
          <Text key={`${label}-p`}>{value(pilot)}</Text>,
          <Text key={`${label}-r`}>{value(rest)}</Text>,
        ])}
      </View>
    </View>
  );
}

/** The owner's campaigns: 积分翻倍 and 会员日, challenges, win-backs — started with date and time pickers, ended with one confirm. */
function Campaigns() {
  const { session, campaigns } = store;
  useDidShow(() => {
    campaigns.clearNotice();
    void campaigns.load();
  });
  const owner = session.role === 'owner';
  const tz = session.community?.timezone;
  const form = campaigns.form;
  const problems = campaigns.problems;
  const today = store.today;

  async function end(id: string, name: string) {
    campaigns.askEnd(id);
    const { confirm } = await Taro.showModal({ title: `结束「${name}」？`, content: '结束后立即停止翻倍和奖励，已发的积分不受影响。' });
    if (confirm) await campaigns.confirmEnd();
    else campaigns.cancelEnd();
  }

  if (!owner) return <View className="card muted">只有群主可以设置活动</View>;
  return (
    <View>
      {!form && (
        <View className="card">
          <Button id="campaign-new" type="primary" block onClick={() => campaigns.startNew(today)}>
            新建活动
          </Button>
        </View>
      )}
      {form && (
        <View className="card" id="campaign-form">
          <View className="admin-tabs" style="margin: 0">
            {KINDS.map((kind) => (
              <Text
                key={kind}
                id={`campaign-kind-${kind}`}
                className={`admin-tab ${form.kind === kind ? 'admin-tab--on' : ''}`}
                onClick={() => (form.id ? undefined : campaigns.set('kind', kind))}
              >
                {KIND_NAMES[kind]}
              </Text>
            ))}
          </View>
          <TextField
            id="campaign-name"
            label="活动名称"
            placeholder="例如 双倍积分周"
            value={form.name}
            onInput={(v) => campaigns.set('name', v)}
            error={problems.name}
          />
          <DateTimeField
            id="campaign-start"
            label="开始"
            date={form.startDate}
            time={form.startTime}
            onDate={(v) => campaigns.set('startDate', v)}
            onTime={(v) => campaigns.set('startTime', v)}
            error={problems.start}
          />
          <DateTimeField
            id="campaign-end"
            label="结束"
            date={form.endDate}
            time={form.endTime}
            onDate={(v) => campaigns.set('endDate', v)}
            onTime={(v) => campaigns.set('endTime', v)}
            error={problems.end}
          />
          {form.kind === 'multiplier' && (
            <>
              <View className="admin-field">
                <Text className="admin-field__label">翻倍的行为</Text>
                <View className="row" style="justify-content: flex-start; gap: 12px">
                  {(Object.keys(ACTION_NAMES) as Array<keyof typeof ACTION_NAMES>).map((action) => (
                    <Text
                      key={action}
                      id={`campaign-action-${action}`}
                      className={`admin-tab ${form.actions.includes(action) ? 'admin-tab--on' : ''}`}
                      onClick={() => campaigns.toggleAction(action)}
                    >
                      {ACTION_NAMES[action]}
                    </Text>
                  ))}
                </View>
                {problems.actions && <Text className="admin-field__error">{problems.actions}</Text>}
              </View>
              <TextField
                id="campaign-multiplier"
                label="倍数（1.1–5）"
                type="digit"
                value={form.multiplier}
                onInput={(v) => campaigns.set('multiplier', v)}
                error={problems.multiplier}
              />
              <TextField
                id="campaign-month-day"
                label="会员日（每月几号，留空为活动期间每天）"
                type="number"
                placeholder="例如 8"
                value={form.monthDay}
                onInput={(v) => campaigns.set('monthDay', v)}
                error={problems.monthDay}
              />
            </>
          )}
          {form.kind === 'challenge' && (
            <>
              <View className="admin-field">
                <Text className="admin-field__label">挑战目标</Text>
                <Picker
                  mode="selector"
                  range={METRICS.map((m) => METRIC_NAMES[m])}
                  value={METRICS.indexOf(form.metric)}
                  onChange={(e) => campaigns.set('metric', METRICS[Number(e.detail.value)])}
                >
                  <View id="campaign-metric" className="admin-input">
                    {METRIC_NAMES[form.metric]}
                  </View>
                </Picker>
              </View>
              <TextField
                id="campaign-target"
                label="达到多少"
                type="number"
                value={form.target}
                onInput={(v) => campaigns.set('target', v)}
                error={problems.target}
              />
            </>
          )}
          {form.kind === 'winback' && (
            <TextField
              id="campaign-inactive-days"
              label="多少天没来算回归"
              type="number"
              value={form.inactiveDays}
              onInput={(v) => campaigns.set('inactiveDays', v)}
              error={problems.inactiveDays}
            />
          )}
          <View className="admin-field">
            <Text className="admin-field__label">给谁（试点：先给一部分成员，之后对比效果）</Text>
            {form.id ? (
              <Text id="campaign-pilot-fixed" className="muted">
                {form.pilot === 'all'
                  ? '全部成员'
                  : form.pilot === 'share'
                    ? `随机 ${form.pilotShare}% 成员`
                    : `「${SEGMENTS.find((s) => s.key === form.pilotSegment)?.name}」分层`}
                （创建后不能更改）
              </Text>
            ) : (
              <View className="admin-tabs" style="margin: 0">
                {PILOT_CHOICES.map(([key, name]) => (
                  <Text
                    key={key}
                    id={`campaign-pilot-${key}`}
                    className={`admin-tab ${form.pilot === key ? 'admin-tab--on' : ''}`}
                    onClick={() => campaigns.set('pilot', key)}
                  >
                    {name}
                  </Text>
                ))}
              </View>
            )}
          </View>
          {!form.id && form.pilot === 'share' && (
            <TextField
              id="campaign-pilot-share"
              label="试点比例（%，同一成员始终在或不在试点里）"
              type="number"
              value={form.pilotShare}
              onInput={(v) => campaigns.set('pilotShare', v)}
              error={problems.pilotShare}
            />
          )}
          {!form.id && form.pilot === 'segment' && (
            <View className="admin-tabs" style="margin: 0">
              {SEGMENTS.map((s) => (
                <Text
                  key={s.key}
                  id={`campaign-pilot-segment-${s.key}`}
                  className={`admin-tab ${form.pilotSegment === s.key ? 'admin-tab--on' : ''}`}
                  onClick={() => campaigns.set('pilotSegment', s.key)}
                >
                  {s.name}
                </Text>
              ))}
            </View>
          )}
          {form.kind === 'rules' && (
            <>
              <Text className="muted">
                活动期间按这些数字给分，留空的沿用现行规则（现行：签到 {session.community?.rules.checkin.points} 分、连签奖励{' '}
                {session.community?.rules.checkin.streakBonus} 分、采纳 {session.community?.rules.answer.acceptedPoints} 分、点赞{' '}
                {session.community?.rules.like.points} 分）。先给一部分成员试行，看对比再决定是否改为正式规则。
              </Text>
              <TextField
                id="campaign-rule-checkin"
                label="每日签到积分"
                type="number"
                value={form.ruleCheckin}
                onInput={(v) => campaigns.set('ruleCheckin', v)}
                error={problems.ruleCheckin}
              />
              <TextField
                id="campaign-rule-streak"
                label="连签奖励积分"
                type="number"
                value={form.ruleStreakBonus}
                onInput={(v) => campaigns.set('ruleStreakBonus', v)}
                error={problems.ruleStreakBonus}
              />
              <TextField
                id="campaign-rule-answer"
                label="回答被采纳积分"
                type="number"
                value={form.ruleAnswer}
                onInput={(v) => campaigns.set('ruleAnswer', v)}
                error={problems.ruleAnswer}
              />
              <TextField
                id="campaign-rule-like"
                label="点赞积分"
                type="number"
                value={form.ruleLike}
                onInput={(v) => campaigns.set('ruleLike', v)}
                error={problems.ruleLike}
              />
            </>
          )}
          {(form.kind === 'challenge' || form.kind === 'winback') && (
            <TextField
              id="campaign-bonus"
              label="奖励积分（每人一次）"
              type="number"
              value={form.bonusPoints}
              onInput={(v) => campaigns.set('bonusPoints', v)}
              error={problems.bonusPoints}
            />
          )}
          <View className="row admin-buttons">
            <Button size="small" onClick={() => campaigns.closeForm()}>
              取消
            </Button>
            <Button id="campaign-save" type="primary" size="small" disabled={campaigns.busy} onClick={() => void campaigns.save()}>
              {form.id ? '保存' : '开始活动'}
            </Button>
          </View>
        </View>
      )}
      <NoticeLine id="campaign-notice" message={campaigns.notice} />
      <View className="card">
        <Text className="muted">全部活动</Text>
        {campaigns.campaigns.length === 0 && !campaigns.error && (
          <Text className="muted" style="display: block">
            还没有活动
          </Text>
        )}
        {campaigns.campaigns.map((c) => (
          <View key={c.id} className="member-row">
            <View>
              <Text className="member-row__name">{c.name}</Text>
              <Text className="member-badge">{STATUS_NAMES[c.status]}</Text>
              <View className="member-row__meta">{describeCampaign(c)}</View>
              <View className="member-row__meta">
                {formatTime(c.startsAt, tz)} – {formatTime(c.endsAt, tz)}
              </View>
              {c.pilot && <View className="member-row__meta">{describePilot(c.pilot)}</View>}
              {campaigns.pilotReports[c.id] && <PilotComparison id={`pilot-report-${c.id}`} report={campaigns.pilotReports[c.id]} />}
              {campaigns.reports[c.id] && (
                <View className="member-row__meta">
                  {c.kind === 'winback' ? '回归' : '完成'} {campaigns.reports[c.id].returned} 人，发放{' '}
                  {campaigns.reports[c.id].pointsAwarded} 分
                </View>
              )}
            </View>
            <View>
              {c.status !== 'ended' && (
                <Text className="link" onClick={() => campaigns.edit(c)}>
                  编辑{' '}
                </Text>
              )}
              {c.status !== 'ended' && (
                <Text id={`campaign-end-${c.id}`} className="link" onClick={() => void end(c.id, c.name)}>
                  结束
                </Text>
              )}
              {(c.kind === 'challenge' || c.kind === 'winback') && (
                <Text className="link" onClick={() => void campaigns.loadReport(c.id)}>
                  {' '}
                  效果
                </Text>
              )}
              {c.pilot && c.status !== 'upcoming' && (
                <Text id={`campaign-compare-${c.id}`} className="link" onClick={() => void campaigns.loadPilotReport(c.id)}>
                  {' '}
                  对比
                </Text>
              )}
            </View>
          </View>
        ))}
      </View>
      <MoreButton id="campaigns-more" list={campaigns.list} />
      <ErrorLine message={campaigns.error} />
    </View>
  );
}

export default observer(Campaigns);
