import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, ActionOutput, CampaignView } from '../../cloudfunctions/contract/api';
import { SEGMENTS, type SegmentKey } from '../../cloudfunctions/core/activity';
import type { CommunityGateway } from '../gateway/communityGateway';
import { isoToLocal, localToIso } from './format';
import { PagedList } from './pagedList';
import { Request } from './request';
import { CAMPAIGN_LIMITS, typedWithin, type NumberLimit } from '../../cloudfunctions/core/limits';

type CampaignInput = ActionInput<'campaigns', 'upsert'>['campaign'];
export type CampaignKind = CampaignView['kind'];
type Action = 'checkin' | 'post' | 'answer' | 'like';

export const KIND_NAMES: Record<CampaignKind, string> = {
  multiplier: '积分翻倍',
  challenge: '积分挑战',
  winback: '回归礼',
  rules: '规则试行',
};
export const ACTION_NAMES: Record<Action, string> = { checkin: '签到', post: '发帖', answer: '回答', like: '点赞' };
export const METRIC_NAMES = { checkins: '签到次数', points: '获得积分', posts: '心得通过', answers: '回答被采纳' } as const;

/** The campaign editor's fields as typed or picked: dates and times come from pickers, on the community's clock. */
export interface CampaignForm {
  id: string | null;
  kind: CampaignKind;
  name: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  actions: Action[];
  multiplier: string;
  /** 会员日: a day of the month ("" for every day). */
  monthDay: string;
  metric: keyof typeof METRIC_NAMES;
  target: string;
  bonusPoints: string;
  inactiveDays: string;
  /** 试点: everyone, a share of members (percent), or a segment as it stands when saved. Fixed once saved. */
  /** 规则试行: the earning numbers to try ("" leaves the community's). */
  ruleCheckin: string;
  ruleStreakBonus: string;
  ruleAnswer: string;
  ruleLike: string;
  pilot: 'all' | 'share' | 'segment';
  pilotShare: string;
  pilotSegment: SegmentKey;
}

export type PilotReport = ActionOutput<'campaigns', 'pilotReport'>;

/** Who a pilot is, in the owner's words. */
export function describePilot(pilot: CampaignView['pilot']): string | null {
  if (!pilot) return null;
  return pilot.share !== null
    ? `试点：随机 ${pilot.share}% 成员`
    : `试点：「${SEGMENTS.find((s) => s.key === pilot.segment)?.name}」分层（创建时的成员）`;
}

export function emptyCampaignForm(today: string): CampaignForm {
  return {
    id: null,
    kind: 'multiplier',
    name: '',
    startDate: today,
    startTime: '00:00',
    endDate: today,
    endTime: '23:59',
    actions: ['checkin'],
    multiplier: '2',
    monthDay: '',
    metric: 'checkins',
    target: '7',
    bonusPoints: '50',
    inactiveDays: '14',
    ruleCheckin: '',
    ruleStreakBonus: '',
    ruleAnswer: '',
    ruleLike: '',
    pilot: 'all',
    pilotShare: '10',
    pilotSegment: 'dormant',
  };
}

export function formOfCampaign(c: CampaignView, tz: string): CampaignForm {
  const [startDate, startTime] = isoToLocal(c.startsAt, tz).split(' ');
  const [endDate, endTime] = isoToLocal(c.endsAt, tz).split(' ');
  const pilot = c.pilot
    ? {
        pilot: c.pilot.share !== null ? ('share' as const) : ('segment' as const),
        pilotShare: String(c.pilot.share ?? 10),
        pilotSegment: c.pilot.segment ?? 'dormant',
      }
    : {};
  const base = { ...emptyCampaignForm(startDate), id: c.id, kind: c.kind, name: c.name, startDate, startTime, endDate, endTime, ...pilot };
  if (c.kind === 'multiplier')
    return { ...base, actions: [...c.actions], multiplier: String(c.multiplier), monthDay: c.monthDay ? String(c.monthDay) : '' };
  if (c.kind === 'challenge') return { ...base, metric: c.metric, target: String(c.target), bonusPoints: String(c.bonusPoints) };
  if (c.kind === 'rules') {
    const text = (n: number | undefined) => (n === undefined ? '' : String(n));
    return {
      ...base,
      ruleCheckin: text(c.rules.checkin?.points),
      ruleStreakBonus: text(c.rules.checkin?.streakBonus),
      ruleAnswer: text(c.rules.answer?.acceptedPoints),
      ruleLike: text(c.rules.like?.points),
    };
  }
  return { ...base, inactiveDays: String(c.inactiveDays), bonusPoints: String(c.bonusPoints) };
}

/** Staff see this many of the history at once; the banners come from it (at most 10 campaigns are live). */
const CAMPAIGNS_PAGE = 100;

/** The server keeps 90 days of spending to compare a pilot by (core/ledger SPENT_DAYS_KEPT). */
const PILOT_MAX_DAYS = 90;

const L = CAMPAIGN_LIMITS;
const range = (limit: NumberLimit) => `${limit.min} 到 ${limit.max}`;

/** What to fix, by field, in plain Chinese; empty when the campaign can be saved. The bounds are the server's (core/limits). */
export function campaignProblems(form: CampaignForm, tz: string, now: number): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.name.trim()) problems.name = '请给活动起个名字';
  else if (form.name.trim().length > L.name) problems.name = `活动名称最多 ${L.name} 个字`;
  const startsAt = localToIso(`${form.startDate} ${form.startTime}`, tz);
  const endsAt = localToIso(`${form.endDate} ${form.endTime}`, tz);
  if (!startsAt) problems.start = '请选择开始日期和时间';
  if (!endsAt) problems.end = '请选择结束日期和时间';
  else if (startsAt && Date.parse(endsAt) <= Date.parse(startsAt)) problems.end = '结束时间要晚于开始时间';
  else if (!form.id && Date.parse(endsAt) <= now) problems.end = '结束时间已经过去了';
  if (form.kind === 'multiplier') {
    if (!form.actions.length) problems.actions = '至少选一种行为';
    if (!typedWithin(form.multiplier, L.multiplier)) problems.multiplier = `倍数填 ${range(L.multiplier)}，例如 2`;
    if (form.monthDay.trim() && !typedWithin(form.monthDay, L.monthDay))
      problems.monthDay = `会员日填每月 ${range(L.monthDay)} 日，或留空表示每天`;
  }
  if (form.kind === 'challenge' && !typedWithin(form.target, L.target)) problems.target = `目标填 ${range(L.target)} 的整数`;
  if (form.kind === 'winback' && !typedWithin(form.inactiveDays, L.inactiveDays))
    problems.inactiveDays = `多少天没来算回归：${range(L.inactiveDays)} 天`;
  if ((form.kind === 'challenge' || form.kind === 'winback') && !typedWithin(form.bonusPoints, L.bonusPoints))
    problems.bonusPoints = `奖励积分填 ${range(L.bonusPoints)}`;
  if (form.kind === 'rules') {
    const rules: Array<[keyof CampaignForm & string, NumberLimit, string]> = [
      ['ruleCheckin', L.ruleCheckin, '签到积分'],
      ['ruleStreakBonus', L.ruleStreakBonus, '连签奖励'],
      ['ruleAnswer', L.ruleAnswer, '采纳积分'],
      ['ruleLike', L.ruleLike, '点赞积分'],
    ];
    for (const [key, limit, label] of rules)
      if (String(form[key]).trim() && !typedWithin(String(form[key]), limit)) problems[key] = `${label}填 ${range(limit)}，或留空不改`;
    if (rules.every(([key]) => !String(form[key]).trim())) problems.ruleCheckin = '至少改一条规则';
  }
  if (form.pilot === 'share' && !typedWithin(form.pilotShare, L.pilotShare)) problems.pilotShare = `试点比例填 ${range(L.pilotShare)}（%）`;
  if (form.pilot !== 'all' && startsAt && endsAt && Date.parse(endsAt) - Date.parse(startsAt) > PILOT_MAX_DAYS * 86_400_000)
    problems.end = `试点活动最长 ${PILOT_MAX_DAYS} 天`;
  return problems;
}

export function campaignOf(form: CampaignForm, tz: string): CampaignInput {
  const common = {
    ...(form.id ? { id: form.id } : {}),
    name: form.name.trim(),
    startsAt: localToIso(`${form.startDate} ${form.startTime}`, tz) ?? '',
    endsAt: localToIso(`${form.endDate} ${form.endTime}`, tz) ?? '',
    pilot: form.pilot === 'share' ? { share: Number(form.pilotShare) } : form.pilot === 'segment' ? { segment: form.pilotSegment } : null,
  };
  if (form.kind === 'multiplier')
    return {
      ...common,
      kind: 'multiplier',
      actions: form.actions,
      multiplier: Number(form.multiplier),
      monthDay: form.monthDay.trim() ? Number(form.monthDay) : null,
    };
  if (form.kind === 'challenge')
    return { ...common, kind: 'challenge', metric: form.metric, target: Number(form.target), bonusPoints: Number(form.bonusPoints) };
  if (form.kind === 'rules') {
    const number = (text: string) => (text.trim() ? Number(text) : undefined);
    // A part with nothing filled is left out: the community's rule stands.
    const part = <T extends Record<string, number | undefined>>(values: T) =>
      Object.values(values).some((n) => n !== undefined) ? values : undefined;
    return {
      ...common,
      kind: 'rules',
      rules: {
        checkin: part({ points: number(form.ruleCheckin), streakBonus: number(form.ruleStreakBonus) }),
        answer: part({ acceptedPoints: number(form.ruleAnswer) }),
        like: part({ points: number(form.ruleLike) }),
      },
    };
  }
  return { ...common, kind: 'winback', inactiveDays: Number(form.inactiveDays), bonusPoints: Number(form.bonusPoints) };
}

/** One line on what a campaign gives, for its banner and the list. */
export function describeCampaign(c: CampaignView): string {
  if (c.kind === 'multiplier') {
    const what = c.actions.map((a) => ACTION_NAMES[a]).join('、');
    return c.monthDay ? `每月 ${c.monthDay} 日会员日：${what}积分 ×${c.multiplier}` : `${what}积分 ×${c.multiplier}`;
  }
  if (c.kind === 'challenge') return `${METRIC_NAMES[c.metric]}达到 ${c.target}，奖励 ${c.bonusPoints} 分`;
  if (c.kind === 'rules') {
    const parts = [
      c.rules.checkin?.points !== undefined && `签到 ${c.rules.checkin.points} 分`,
      c.rules.checkin?.streakBonus !== undefined && `连签奖励 ${c.rules.checkin.streakBonus} 分`,
      c.rules.answer?.acceptedPoints !== undefined && `回答被采纳 ${c.rules.answer.acceptedPoints} 分`,
      c.rules.like?.points !== undefined && `点赞 ${c.rules.like.points} 分`,
    ].filter(Boolean);
    return `试行新规则：${parts.join('、')}`;
  }
  return `${c.inactiveDays} 天没来的老朋友回来签到，奖励 ${c.bonusPoints} 分`;
}

/** Campaigns: the banners members see on home, and the owner's editor. */
export class CampaignsStore {
  /** Members: what is on and coming (one page); staff: the history, newest first, a page at a time. */
  readonly list: PagedList<CampaignView>;
  form: CampaignForm | null = null;
  tried = false;
  /** The campaign an end was asked for, waiting for the confirmation. */
  ending: string | null = null;
  notice: string | null = null;
  /** What a campaign paid, by id, once asked for (staff). */
  reports: Record<string, { returned: number; pointsAwarded: number }> = {};
  /** A pilot against the rest, by campaign id, once asked for. */
  pilotReports: Record<string, PilotReport> = {};
  private readonly loading = new Request('refresh');
  private readonly saving = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly timezone: () => string,
    private readonly now: () => number = Date.now,
  ) {
    this.list = new PagedList(
      async (page) => {
        const { campaigns, nextCursor } = await this.community.call('campaigns', 'list', page);
        return { rows: campaigns, nextCursor };
      },
      (campaign) => campaign.id,
      CAMPAIGNS_PAGE,
    );
    makeAutoObservable<CampaignsStore, 'community' | 'timezone' | 'now' | 'loading' | 'saving'>(this, {
      list: false,
      community: false,
      timezone: false,
      now: false,
      loading: false,
      saving: false,
    });
  }

  get campaigns(): CampaignView[] {
    return this.list.rows;
  }

  /** Banners: what is on now first, then what is coming. */
  get banners(): CampaignView[] {
    return this.campaigns
      .filter((c) => c.status !== 'ended')
      .sort((a, b) => (a.status === b.status ? a.startsAt.localeCompare(b.startsAt) : a.status === 'active' ? -1 : 1));
  }

  get problems(): Record<string, string> {
    return this.tried && this.form ? campaignProblems(this.form, this.timezone(), this.now()) : {};
  }

  get busy(): boolean {
    return this.saving.pending;
  }

  get error(): string | null {
    return this.saving.error ?? this.loading.error ?? this.list.error;
  }

  async load(): Promise<void> {
    await this.list.load();
  }

  clearNotice(): void {
    this.notice = null;
  }

  startNew(today: string): void {
    this.form = emptyCampaignForm(today);
    this.tried = false;
    this.notice = null;
  }

  edit(campaign: CampaignView): void {
    this.form = formOfCampaign(campaign, this.timezone());
    this.tried = false;
    this.notice = null;
  }

  closeForm(): void {
    this.form = null;
  }

  set<K extends keyof CampaignForm>(key: K, value: CampaignForm[K]): void {
    if (this.form) this.form[key] = value;
  }

  toggleAction(action: Action): void {
    if (!this.form) return;
    const on = this.form.actions.includes(action);
    this.form.actions = on ? this.form.actions.filter((a) => a !== action) : [...this.form.actions, action];
  }

  async save(): Promise<boolean> {
    if (!this.form) return false;
    this.tried = true;
    if (Object.keys(campaignProblems(this.form, this.timezone(), this.now())).length) return false;
    const campaign = campaignOf(this.form, this.timezone());
    const outcome = await this.saving.run(() => this.community.call('campaigns', 'upsert', { campaign }));
    if (!outcome.done) return false;
    runInAction(() => {
      this.form = null;
      this.notice =
        outcome.value.campaign.status === 'active'
          ? `「${outcome.value.campaign.name}」已开始`
          : `「${outcome.value.campaign.name}」已保存，到时自动开始`;
    });
    await this.load();
    return true;
  }

  async loadReport(campaignId: string): Promise<void> {
    const outcome = await this.loading.run(() => this.community.call('campaigns', 'report', { campaignId }));
    if (outcome.done) runInAction(() => (this.reports = { ...this.reports, [campaignId]: outcome.value }));
  }

  /** Compares a pilot with the rest; while the server still counts, the answer says so and asking again goes on. */
  async loadPilotReport(campaignId: string): Promise<void> {
    const outcome = await this.loading.run(() => this.community.call('campaigns', 'pilotReport', { campaignId }));
    if (outcome.done) runInAction(() => (this.pilotReports = { ...this.pilotReports, [campaignId]: outcome.value }));
  }

  /** Ending asks once: the first call asks, confirmEnd() ends it. */
  askEnd(campaignId: string): void {
    this.ending = campaignId;
  }

  cancelEnd(): void {
    this.ending = null;
  }

  async confirmEnd(): Promise<boolean> {
    const campaignId = this.ending;
    if (!campaignId) return false;
    this.ending = null;
    const outcome = await this.saving.run(() => this.community.call('campaigns', 'end', { campaignId }));
    if (!outcome.done) return false;
    runInAction(() => (this.notice = `「${outcome.value.campaign.name}」已结束`));
    await this.load();
    return true;
  }
}
