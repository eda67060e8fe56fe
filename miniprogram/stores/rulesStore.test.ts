import { DEFAULT_RULES } from '../../cloudfunctions/core/rules';
import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { unwrap, type Gateway } from '../gateway/gateway';
import { RootStore } from './RootStore';
import { changesOf, describeChange, formOf, groupOf, patchOf, RULE_FIELDS, rulesFormProblems, withTemplate } from './RulesStore';
import { memoryStorage } from './storage';

describe('the rules form', () => {
  it('says what to fix in the owner’s words, never a field path', () => {
    const form = formOf(DEFAULT_RULES);
    expect(rulesFormProblems(form)).toEqual({});
    form.values['checkin.points'] = '3.5';
    form.values['checkin.streakDays'] = '0';
    form.values['post.minPoints'] = '300';
    form.values['expiry.days'] = '9999';
    form.tiers[1].minPoints = '0';
    form.tiers[2].name = '铜';
    const problems = rulesFormProblems(form);
    expect(problems).toEqual({
      'checkin.points': '每日签到请填整数（分）',
      'checkin.streakDays': '连签天数至少 1 天',
      'post.maxPoints': '经验帖最高分不能低于最低分',
      'expiry.days': '积分有效期最多 3650 天',
      'tier.1.minPoints': '门槛要比上一级高',
      'tier.2.name': '等级名称不能重复',
    });
    for (const message of Object.values(problems)) expect(message).not.toMatch(/[a-z]+\.[a-z]/i);
  });

  it('sends only what changed', () => {
    const form = formOf(DEFAULT_RULES);
    expect(patchOf(DEFAULT_RULES, form)).toEqual({});
    form.values['checkin.points'] = '3';
    form.tiers[3].name = '钻石';
    expect(patchOf(DEFAULT_RULES, form)).toEqual({
      checkin: { points: 3 },
      tiers: [...DEFAULT_RULES.tiers.slice(0, 3), { ...DEFAULT_RULES.tiers[3], name: '钻石' }],
    });
  });

  it('edits how tiers are kept, their multipliers and perks, and the engagement rules', () => {
    const form = formOf(DEFAULT_RULES);
    form.retention = 'rolling';
    form.values['birthday.points'] = '50';
    form.tiers[2].multiplier = '1.5';
    form.tiers[2].perks = '金卡专享奖品\n生日双倍';
    expect(patchOf(DEFAULT_RULES, form)).toEqual({
      tierRetention: { mode: 'rolling' },
      birthday: { points: 50 },
      tiers: [
        ...DEFAULT_RULES.tiers.slice(0, 2),
        { name: '金', minPoints: 2000, multiplier: 1.5, perks: ['金卡专享奖品', '生日双倍'] },
        DEFAULT_RULES.tiers[3],
      ],
    });
    form.tiers[1].multiplier = '4';
    form.tiers[3].perks = Array.from({ length: 7 }, (_, i) => `权益${i}`).join('\n');
    form.values['makeUp.withinDays'] = '31';
    expect(rulesFormProblems(form)).toEqual({
      'tier.1.multiplier': '积分倍数填 1 到 3，最多两位小数，例如 1.2',
      'tier.3.perks': '每个等级最多 6 条权益',
      'makeUp.withinDays': '可补签天数最多 30 天',
    });
  });
});

describe('the rules store', () => {
  let h: Harness;
  let c: string;
  const gateway = (openid: string): Gateway => ({
    call: async (fn, action, params) =>
      unwrap(await h.call(fn, action, params as Record<string, unknown>, { openid, now: '2026-03-03T02:00:00Z' })) as never,
  });

  beforeEach(async () => {
    h = sqliteHarness();
    c = await communityWithMembers(h);
  });

  it('checks before sending, saves a change, and shows it in the history', async () => {
    const root = new RootStore(gateway('o_owner'), memoryStorage(), c);
    await root.rules.load();
    root.rules.set('checkin.points', '');
    expect(await root.rules.save()).toBe(false);
    expect(root.rules.problems['checkin.points']).toBe('每日签到请填整数（分）');
    expect((await h.ok('community', 'audit', { communityId: c }, { openid: 'o_owner' })).events).toEqual([]);
    root.rules.set('checkin.points', '3');
    expect(await root.rules.save()).toBe(true);
    expect(root.rules.notice).toBe('已保存，新规则即刻生效');
    expect(root.session.community?.rules.checkin.points).toBe(3);
    expect(root.rules.history.map(describeChange)).toEqual([['每日签到 5 → 3']]);
    expect(await root.rules.save()).toBe(true);
    expect(root.rules.notice).toBe('没有改动');
  });
});

describe('the rules editor, grouped', () => {
  it('puts every setting in one section, lists what saving changes, and lays a template over the form', () => {
    expect(
      Object.fromEntries(
        [
          'checkin.points',
          'like.dailyCap',
          'expiry.days',
          'tierRetention.graceDays',
          'tier.1.name',
          'transfer.dailyLimit',
          'transfer.minMemberDays',
          'pool.days',
          'purchase.dailyCap',
        ].map((k) => [k, groupOf(k)]),
      ),
    ).toEqual({
      'checkin.points': 'earn',
      'like.dailyCap': 'limits',
      'expiry.days': 'spend',
      'tierRetention.graceDays': 'tiers',
      'tier.1.name': 'tiers',
      'transfer.dailyLimit': 'circulate',
      'transfer.minMemberDays': 'limits',
      'pool.days': 'circulate',
      'purchase.dailyCap': 'limits',
    });
    expect(new Set(RULE_FIELDS.map((f) => groupOf(f.key)))).toEqual(new Set(['earn', 'spend', 'tiers', 'limits', 'circulate']));
    const form = formOf(DEFAULT_RULES);
    expect(changesOf(DEFAULT_RULES, form)).toEqual([]);
    const parenting = withTemplate(form, DEFAULT_RULES, 'parenting');
    expect(changesOf(DEFAULT_RULES, parenting)).toEqual(['每日签到 5 → 3', '经验帖最低 50 → 15', '经验帖最高 200 → 50']);
    // A switch reads as 开 / 关, not true / false.
    expect(changesOf(DEFAULT_RULES, { ...form, purchaseEnabled: !DEFAULT_RULES.purchase.enabled })).toEqual([
      `购物积分开关 ${DEFAULT_RULES.purchase.enabled ? '开 → 关' : '关 → 开'}`,
    ]);
  });

  it("describes a tier's multiplier and perks and the way tiers are kept, and checks them before sending", () => {
    const form = formOf(DEFAULT_RULES);
    const tiers = form.tiers.map((t, i) => (i === 1 ? { ...t, multiplier: '1.2', perks: '生日双倍积分\n\n专属客服 ' } : t));
    const changed = { ...form, retention: 'rolling' as const, tiers };
    const lines = changesOf(DEFAULT_RULES, changed);
    const silver = form.tiers[1].name;
    expect(lines).toEqual([
      '保级方式 终身有效 → 滚动保级',
      `等级「${silver}」积分倍数 ×1 → ×1.2`,
      `等级「${silver}」权益 ${DEFAULT_RULES.tiers[1].perks?.join('、') || '无'} → 生日双倍积分、专属客服`,
    ]);
    const renamed = { ...form, tiers: [...form.tiers.slice(0, 2).map((t, i) => (i === 1 ? { ...t, name: '白银', minPoints: '600' } : t))] };
    expect(changesOf(DEFAULT_RULES, renamed)).toEqual([
      `等级「${silver}」改名为「白银」`,
      `等级「白银」门槛 ${form.tiers[1].minPoints} → 600`,
      ...DEFAULT_RULES.tiers.slice(2).map((t) => `删除等级「${t.name}」`),
    ]);
    expect(patchOf(DEFAULT_RULES, changed).tiers?.[1]).toMatchObject({ multiplier: 1.2, perks: ['生日双倍积分', '专属客服'] });
    const wrong = {
      ...form,
      tiers: form.tiers.map((t, i) =>
        i === 1 ? { ...t, multiplier: '5', perks: Array.from({ length: 7 }, (_, n) => `权益${n}`).join('\n') } : t,
      ),
    };
    expect(rulesFormProblems(wrong)).toMatchObject({
      'tier.1.multiplier': expect.stringContaining('1 到 3'),
      'tier.1.perks': expect.stringContaining('6 条'),
    });
  });
});
