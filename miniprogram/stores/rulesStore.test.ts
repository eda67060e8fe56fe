import { DEFAULT_RULES } from '../../cloudfunctions/core/rules';
import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/app/testing/harness';
import { unwrap, type Gateway } from '../gateway/gateway';
import { RootStore } from './RootStore';
import { describeChange, formOf, patchOf, rulesFormProblems } from './RulesStore';
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
    expect(patchOf(DEFAULT_RULES, form)).toEqual({ checkin: { points: 3 }, tiers: [...DEFAULT_RULES.tiers.slice(0, 3), { name: '钻石', minPoints: 5000 }] });
  });
});

describe('the rules store', () => {
  let h: Harness;
  let c: string;
  const gateway = (openid: string): Gateway => ({ call: async (fn, action, params) => unwrap(await h.call(fn, action, params as Record<string, unknown>, { openid, now: '2026-03-03T02:00:00Z' })) as never });

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
