import { makeAutoObservable, runInAction } from 'mobx';
import type { AuditEvent, Rules, RulesPatch } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import { Request } from './request';
import { RULE_LIMITS, TIER_LIMITS, limitProblem, withinLimit, type NumberLimit, type RuleKey } from '../../cloudfunctions/core/limits';
import { mergeRules } from '../../cloudfunctions/core/rules';
import { TEMPLATES, type TemplateKey } from '../../cloudfunctions/core/templates';

type Group = Exclude<keyof Rules, 'tiers'>;

/** One setting of the rules editor: where it lives, what to call it, what it means, and what it may be (core/limits, as the server checks it). */
export interface RuleField extends NumberLimit {
  key: RuleKey;
  label: string;
  help: string;
}

const field = (key: RuleKey, label: string, help: string): RuleField => ({ key, label, help, ...RULE_LIMITS[key] });

/** Every numeric rule, in the owner's words. */
export const RULE_FIELDS: readonly RuleField[] = [
  field('checkin.points', '每日签到', '每天第一次签到得的分'),
  field('checkin.streakDays', '连签天数', '每连续签到这么多天，额外奖励一次'),
  field('checkin.streakBonus', '连签奖励', '连签满天数那天额外得的分'),
  field('post.minPoints', '经验帖最低', '审核通过时最少给的分'),
  field('post.maxPoints', '经验帖最高', '审核通过时最多给的分'),
  field('post.dailyCap', '每天得分帖子', '一人一天最多几篇帖子得分，超出的照常发布'),
  field('answer.acceptedPoints', '回答被采纳', '回答被提问者采纳时得的分'),
  field('answer.dailyCap', '每天得分回答', '一人一天最多几条回答因采纳得分'),
  field('like.points', '点赞', '给别人的好帖点赞得的分'),
  field('like.dailyCap', '每天得分点赞', '一人一天最多几次点赞得分'),
  field('comment.points', '评论', '评论别人通过审核的帖子得的分；自己的帖子、重复或近似的评论不计分'),
  field('comment.dailyCap', '每天得分评论', '一人一天最多几条评论得分，超出的照常显示'),
  field('referral.inviterPoints', '邀请人奖励', '好友首次签到后，邀请人得的分'),
  field('referral.inviteePoints', '新人奖励', '被邀请的好友首次签到后得的分'),
  field('referral.dailyCap', '每天邀请奖励', '邀请人一天最多得几次邀请奖励'),
  field('referral.riskThreshold', '风控门槛', '微信风险等级达到这一级的新号不发邀请奖励（5 为不拦截）'),
  field('expiry.days', '积分有效期', '获得后多少天过期，先到期的先用；改动只影响之后获得的积分'),
  field('tierRetention.windowDays', '保级统计天数', '按滚动保级时，看最近多少天获得的积分'),
  field('tierRetention.graceDays', '保级宽限期', '积分不够时，保留原等级多少天再降一级'),
  field('makeUp.cost', '补签花费', '补签一天要花的分'),
  field('makeUp.perMonth', '每月补签', '每人每个月最多补签几次'),
  field('makeUp.withinDays', '可补签天数', '最多能补签几天以内漏掉的日子'),
  field('birthday.points', '生日礼', '生日当天首次签到额外得的分（0 为不送）；生日要提前 30 天设置'),
  field('tasks.profile', '任务：完善资料', '设置头像和昵称后得的分（0 为不发）'),
  field('tasks.firstCheckin', '任务：首次签到', '第一次签到额外得的分'),
  field('tasks.firstPost', '任务：首篇心得', '第一篇心得通过审核额外得的分'),
  field('tasks.firstAnswer', '任务：首次被采纳', '第一个回答被采纳额外得的分'),
  field('tasks.firstInvite', '任务：首次邀请', '邀请的第一位好友完成首次签到后额外得的分'),
  field('transfer.maxPerTransfer', '每次转赠上限', '成员之间一次最多转赠多少积分'),
  field('transfer.dailyLimit', '每天转出上限', '一人一天最多转出多少积分'),
  field('transfer.receiveDailyLimit', '每天收到上限', '一人一天最多收到多少积分，防止小号集中给一个号'),
  field('transfer.minMemberDays', '转赠门槛天数', '加入满多少天后才能转赠'),
  field('purchase.pointsPerYuan', '购物积分', '店员扫会员码记一笔消费，每 1 元得多少分（可填 0.5 这样的小数），再乘会员等级倍数'),
  field('purchase.dailyCap', '每天购物积分上限', '一人一天最多因购物得多少分，超出的消费照常记录'),
  field('pool.days', '众筹期限', '发起积分众筹后多少天内凑齐，否则失败并退回每个人的积分'),
];

export interface TierRow {
  name: string;
  minPoints: string;
  /** 1–3, e.g. "1.5": what the tier multiplies check-in, post, answer and like points by. */
  multiplier: string;
  /** One perk per line. */
  perks: string;
}

export type RulesForm = { values: Record<string, string>; retention: 'lifetime' | 'rolling'; tiers: TierRow[]; purchaseEnabled: boolean };

type StoredTier = Rules['tiers'][number];
const tierOfRow = (t: TierRow): StoredTier => ({
  name: t.name.trim(),
  minPoints: Number(t.minPoints),
  multiplier: Number(t.multiplier),
  perks: perksOf(t.perks),
});
const perksOf = (text: string) =>
  text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
const storedTier = (t: StoredTier): StoredTier => ({
  name: t.name,
  minPoints: t.minPoints,
  multiplier: t.multiplier ?? 1,
  perks: t.perks ?? [],
});

const read = (rules: Rules, key: RuleField['key']) => {
  const [group, setting] = key.split('.') as [Group, string];
  return (rules[group] as Record<string, number>)[setting];
};

export function formOf(rules: Rules): RulesForm {
  return {
    values: Object.fromEntries(RULE_FIELDS.map((f) => [f.key, String(read(rules, f.key))])),
    retention: rules.tierRetention.mode,
    purchaseEnabled: rules.purchase.enabled,
    tiers: rules.tiers.map((t) => ({
      name: t.name,
      minPoints: String(t.minPoints),
      multiplier: String(t.multiplier ?? 1),
      perks: (t.perks ?? []).join('\n'),
    })),
  };
}

/**
 * What to fix, by field, in plain Chinese (never a path like `post.minPoints`); empty when the
 * form can be saved. The same rules the server checks, so a refusal is shown before sending.
 */
export function rulesFormProblems(form: RulesForm): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of RULE_FIELDS) {
    const text = (form.values[field.key] ?? '').trim();
    if (!(field.decimals ? /^\d+(\.\d{1,2})?$/ : /^\d+$/).test(text))
      problems[field.key] = field.decimals
        ? `${field.label}请填数字，最多两位小数（${field.unit}）`
        : `${field.label}请填整数（${field.unit}）`;
    else if (limitProblem(Number(text), field)) problems[field.key] = `${field.label}${limitProblem(Number(text), field)}`;
  }
  const min = Number(form.values['post.minPoints']);
  const max = Number(form.values['post.maxPoints']);
  if (!problems['post.minPoints'] && !problems['post.maxPoints'] && min > max) problems['post.maxPoints'] = '经验帖最高分不能低于最低分';
  form.tiers.forEach((tier, i) => {
    const name = tier.name.trim();
    if (!name) problems[`tier.${i}.name`] = '等级名称不能为空';
    else if (name.length > TIER_LIMITS.name) problems[`tier.${i}.name`] = `等级名称最多 ${TIER_LIMITS.name} 个字`;
    else if (form.tiers.findIndex((t) => t.name.trim() === name) !== i) problems[`tier.${i}.name`] = '等级名称不能重复';
    const text = tier.minPoints.trim();
    if (!/^\d+$/.test(text)) problems[`tier.${i}.minPoints`] = '门槛请填整数（累计积分）';
    else if (!withinLimit(Number(text), TIER_LIMITS.minPoints))
      problems[`tier.${i}.minPoints`] = `门槛最多 ${TIER_LIMITS.minPoints.max} 分`;
    else if (i === 0 && Number(text) !== 0) problems[`tier.${i}.minPoints`] = '第一个等级的门槛必须是 0';
    else if (i > 0 && /^\d+$/.test(form.tiers[i - 1].minPoints.trim()) && Number(text) <= Number(form.tiers[i - 1].minPoints))
      problems[`tier.${i}.minPoints`] = '门槛要比上一级高';
    const multiplier = tier.multiplier.trim();
    const { min, max } = TIER_LIMITS.multiplier;
    if (!/^\d+(\.\d+)?$/.test(multiplier) || !withinLimit(Number(multiplier), TIER_LIMITS.multiplier))
      problems[`tier.${i}.multiplier`] = `积分倍数填 ${min} 到 ${max}，最多两位小数，例如 1.2`;
    const perks = perksOf(tier.perks);
    if (perks.length > TIER_LIMITS.perks) problems[`tier.${i}.perks`] = `每个等级最多 ${TIER_LIMITS.perks} 条权益`;
    else if (perks.some((p) => p.length > TIER_LIMITS.perk)) problems[`tier.${i}.perks`] = `每条权益最多 ${TIER_LIMITS.perk} 个字`;
  });
  if (form.tiers.length === 0) problems.tiers = '至少需要一个等级';
  else if (form.tiers.length > TIER_LIMITS.tiers) problems.tiers = `最多 ${TIER_LIMITS.tiers} 个等级`;
  return problems;
}

/** The settings that differ from `rules`, as the patch community.updateRules takes. */
export function patchOf(rules: Rules, form: RulesForm): RulesPatch {
  const patch: Record<string, Record<string, number | string>> = {};
  for (const field of RULE_FIELDS) {
    const value = Number(form.values[field.key]);
    if (value === read(rules, field.key)) continue;
    const [group, setting] = field.key.split('.');
    (patch[group] ??= {})[setting] = value;
  }
  if (form.retention !== rules.tierRetention.mode) (patch.tierRetention ??= {}).mode = form.retention;
  if (form.purchaseEnabled !== rules.purchase.enabled) ((patch.purchase ??= {}) as Record<string, unknown>).enabled = form.purchaseEnabled;
  const tiers = form.tiers.map(tierOfRow);
  return {
    ...(patch as unknown as RulesPatch),
    ...(JSON.stringify(tiers) !== JSON.stringify(rules.tiers.map(storedTier)) ? { tiers } : {}),
  };
}

const LABEL_OF: Record<string, string> = {
  ...Object.fromEntries(RULE_FIELDS.map((f) => [f.key, f.label])),
  'tierRetention.mode': '保级方式',
  'purchase.enabled': '购物积分开关',
};

/** How tiers are kept, as the owner chooses it: for life, or earned again within a window (保级). */
export const RETENTION_MODES = [
  { key: 'lifetime', name: '终身有效', help: '按累计获得的积分升级，升了就不会降，消费也不会降级' },
  { key: 'rolling', name: '滚动保级', help: '按最近一段时间获得的积分定级：不够时先保留原等级一段宽限期，再降一级（天数见下方）' },
] as const;
export const RETENTION_NAMES: Record<string, string> = Object.fromEntries(RETENTION_MODES.map((m) => [m.key, m.name]));

type Settings = Record<string, Record<string, unknown>>;

/** One rule change from the audit log, in words: "每日签到 5 → 3". */
export const describeChange = (event: AuditEvent): string[] => {
  const { before = {}, after = {} } = event.detail as { before?: Settings; after?: Settings };
  return describeSettings(before, after);
};

/** What changed in the tier ladder, tier by tier (by position): only the parts that changed. */
function describeTiers(before: StoredTier[], after: StoredTier[]): string[] {
  const lines: string[] = [];
  const perks = (t: StoredTier) => (t.perks?.length ? t.perks.join('、') : '无');
  after.forEach((t, i) => {
    const was = before[i];
    if (!was) return void lines.push(`新增等级「${t.name}」门槛 ${t.minPoints}`);
    if (was.name !== t.name) lines.push(`等级「${was.name}」改名为「${t.name}」`);
    if (was.minPoints !== t.minPoints) lines.push(`等级「${t.name}」门槛 ${was.minPoints} → ${t.minPoints}`);
    if ((was.multiplier ?? 1) !== (t.multiplier ?? 1))
      lines.push(`等级「${t.name}」积分倍数 ×${was.multiplier ?? 1} → ×${t.multiplier ?? 1}`);
    if (perks(was) !== perks(t)) lines.push(`等级「${t.name}」权益 ${perks(was)} → ${perks(t)}`);
  });
  for (const gone of before.slice(after.length)) lines.push(`删除等级「${gone.name}」`);
  return lines;
}

/** What changed between two sets of settings (the changed groups of each), a line a setting. */
function describeSettings(before: Settings, after: Settings): string[] {
  const lines: string[] = [];
  for (const [group, settings] of Object.entries(after)) {
    if (group === 'tiers') {
      lines.push(...describeTiers((before.tiers ?? []) as unknown as StoredTier[], settings as unknown as StoredTier[]));
      continue;
    }
    for (const [setting, value] of Object.entries(settings)) {
      const shown = (v: unknown) =>
        v === undefined || v === null ? '—' : typeof v === 'boolean' ? (v ? '开' : '关') : (RETENTION_NAMES[String(v)] ?? String(v));
      lines.push(`${LABEL_OF[`${group}.${setting}`] ?? setting} ${shown(before[group]?.[setting])} → ${shown(value)}`);
    }
  }
  return lines;
}

/** The owner's rules editor: the form, checks before sending, saving only what changed, and the history. */
export class RulesStore {
  form: RulesForm | null = null;
  tried = false;
  history: AuditEvent[] = [];
  notice: string | null = null;
  private readonly saving = new Request();
  private readonly loading = new Request('refresh');

  constructor(
    private readonly community: CommunityGateway,
    private readonly rules: () => Rules | null,
    private readonly reload: () => Promise<void>,
  ) {
    makeAutoObservable<RulesStore, 'community' | 'rules' | 'reload' | 'saving' | 'loading'>(this, {
      community: false,
      rules: false,
      reload: false,
      saving: false,
      loading: false,
    });
  }

  get problems(): Record<string, string> {
    return this.tried && this.form ? rulesFormProblems(this.form) : {};
  }

  get busy(): boolean {
    return this.saving.pending;
  }

  get error(): string | null {
    return this.saving.error ?? this.loading.error;
  }

  async load(): Promise<void> {
    await this.reload();
    const rules = this.rules();
    runInAction(() => ((this.form = rules ? formOf(rules) : null), (this.tried = false), (this.notice = null)));
    const outcome = await this.loading.run(() => this.community.call('community', 'audit', { kind: 'community.updateRules', limit: 20 }));
    if (outcome.done) runInAction(() => (this.history = outcome.value.events));
  }

  set(key: string, value: string): void {
    if (this.form) this.form.values[key] = value;
  }

  setRetention(mode: 'lifetime' | 'rolling'): void {
    if (this.form) this.form.retention = mode;
  }

  setPurchaseEnabled(enabled: boolean): void {
    if (this.form) this.form.purchaseEnabled = enabled;
  }

  setTier(index: number, part: keyof TierRow, value: string): void {
    if (this.form?.tiers[index]) this.form.tiers[index][part] = value;
  }

  addTier(): void {
    this.form?.tiers.push({ name: '', minPoints: '', multiplier: '1', perks: '' });
  }

  removeTier(index: number): void {
    this.form?.tiers.splice(index, 1);
  }

  /** The section shown. */
  group: RuleGroup = 'earn';

  showGroup(group: RuleGroup): void {
    this.group = group;
  }

  /** Problems per section, so a section with one says so on its tab. */
  get problemsByGroup(): Partial<Record<RuleGroup, number>> {
    const counts: Partial<Record<RuleGroup, number>> = {};
    for (const key of Object.keys(this.problems)) counts[groupOf(key)] = (counts[groupOf(key)] ?? 0) + 1;
    return counts;
  }

  applyTemplate(key: TemplateKey): void {
    const rules = this.rules();
    if (this.form && rules) this.form = withTemplate(this.form, rules, key);
  }

  /** Checks the form; with problems, shows the first section that has one. What saving would change, or null when it cannot be saved. */
  review(): string[] | null {
    const rules = this.rules();
    if (!this.form || !rules) return null;
    this.tried = true;
    const problems = Object.keys(rulesFormProblems(this.form));
    if (problems.length) {
      this.group = groupOf(problems[0]);
      return null;
    }
    return changesOf(rules, this.form);
  }

  /** Saves what changed; nothing is sent while a field is wrong, and nothing when nothing changed. */
  async save(): Promise<boolean> {
    const rules = this.rules();
    if (!this.form || !rules) return false;
    this.tried = true;
    if (Object.keys(rulesFormProblems(this.form)).length) return false;
    const patch = patchOf(rules, this.form);
    if (Object.keys(patch).length === 0) {
      this.notice = '没有改动';
      return true;
    }
    const outcome = await this.saving.run(() => this.community.call('community', 'updateRules', { rules: patch }));
    if (!outcome.done) return false;
    await this.load();
    runInAction(() => (this.notice = '已保存，新规则即刻生效'));
    return true;
  }
}

/** The editor's sections, as an owner thinks of the rules (#28): what earns, what spending costs, tiers, anti-abuse limits, points moving between people. */
export const RULE_GROUPS = [
  { key: 'earn', name: '赚积分' },
  { key: 'spend', name: '花积分' },
  { key: 'tiers', name: '等级' },
  { key: 'limits', name: '防刷' },
  { key: 'circulate', name: '流通' },
] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number]['key'];

/** Which section a setting (or a problem's key: tier.0.name) sits in. */
export function groupOf(key: string): RuleGroup {
  if (key.startsWith('tier') || key === 'tiers') return 'tiers';
  if (/\.(dailyCap|riskThreshold)$/.test(key) || key === 'transfer.receiveDailyLimit' || key === 'transfer.minMemberDays') return 'limits';
  if (key.startsWith('transfer.') || key.startsWith('pool.')) return 'circulate';
  if (key.startsWith('expiry.') || key.startsWith('makeUp.')) return 'spend';
  return 'earn';
}

/** What saving would change, a line each ("每日签到 5 → 3"), for the confirm before it is sent. */
export function changesOf(rules: Rules, form: RulesForm): string[] {
  const patch = patchOf(rules, form) as unknown as Settings;
  const before = Object.fromEntries(Object.keys(patch).map((group) => [group, (rules as unknown as Settings)[group]]));
  return describeSettings(before, patch);
}

/** A template's numbers (core/templates.ts) laid over the form, to start from; nothing is saved until confirmed. */
export function withTemplate(form: RulesForm, rules: Rules, key: TemplateKey): RulesForm {
  const preset = formOf(mergeRules(rules, TEMPLATES[key].patch));
  const values = { ...form.values };
  for (const [group, settings] of Object.entries(TEMPLATES[key].patch))
    for (const setting of Object.keys(settings as object)) values[`${group}.${setting}`] = preset.values[`${group}.${setting}`];
  return { ...form, values };
}
