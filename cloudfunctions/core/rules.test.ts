import { DEFAULT_RULES, mergeRules, rulesChange, rulesProblems, withDefaults } from './rules';

describe('rules', () => {
  it('deep-merges a partial patch and leaves the defaults alone', () => {
    const merged = mergeRules(DEFAULT_RULES, { checkin: { points: 3 } });
    expect(merged.checkin).toEqual({ points: 3, streakDays: 7, streakBonus: 50 });
    expect(merged.post).toEqual(DEFAULT_RULES.post);
    expect(DEFAULT_RULES.checkin.points).toBe(5);
  });

  it('finds the problems a schema cannot see', () => {
    expect(rulesProblems(DEFAULT_RULES)).toEqual([]);
    expect(rulesProblems(mergeRules(DEFAULT_RULES, { post: { minPoints: 300 } }))).toHaveLength(1);
    expect(rulesProblems(mergeRules(DEFAULT_RULES, { tiers: [{ name: 'A', minPoints: 10 }] }))).toHaveLength(1);
    expect(
      rulesProblems(
        mergeRules(DEFAULT_RULES, {
          tiers: [
            { name: 'A', minPoints: 0 },
            { name: 'B', minPoints: 0 },
          ],
        }),
      ).length,
    ).toBeGreaterThan(0);
  });

  it('completes stored rules with defaults for rules added later, sharing nothing with the defaults', () => {
    const { riskThreshold: _added, ...older } = DEFAULT_RULES.referral;
    const completed = withDefaults({
      ...DEFAULT_RULES,
      referral: older as typeof DEFAULT_RULES.referral,
      checkin: { points: 3, streakDays: 5, streakBonus: 20 },
    });
    expect(completed.referral.riskThreshold).toBe(3);
    expect(completed.checkin).toEqual({ points: 3, streakDays: 5, streakBonus: 20 });
    completed.tiers[0].name = '改名';
    completed.post.maxPoints = 1;
    expect(DEFAULT_RULES.tiers[0].name).toBe('铜');
    expect(DEFAULT_RULES.post.maxPoints).toBe(200);
  });

  it('says what an update changed, setting by setting, and nothing when nothing did', () => {
    const after = mergeRules(DEFAULT_RULES, { checkin: { points: 3, streakDays: 7 }, like: { dailyCap: 20 } });
    expect(rulesChange(DEFAULT_RULES, after)).toEqual({
      before: { checkin: { points: 5 }, like: { dailyCap: 10 } },
      after: { checkin: { points: 3 }, like: { dailyCap: 20 } },
    });
    const tiers = mergeRules(DEFAULT_RULES, { tiers: [{ name: '新人', minPoints: 0 }] });
    expect(rulesChange(DEFAULT_RULES, tiers)).toEqual({
      before: { tiers: DEFAULT_RULES.tiers },
      after: { tiers: [{ name: '新人', minPoints: 0 }] },
    });
    expect(rulesChange(DEFAULT_RULES, mergeRules(DEFAULT_RULES, { checkin: { points: 5 } }))).toEqual({ before: {}, after: {} });
  });
});
