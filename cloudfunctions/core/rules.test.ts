import { DEFAULT_RULES, mergeRules, rulesProblems } from './rules';

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
    expect(rulesProblems(mergeRules(DEFAULT_RULES, { tiers: [{ name: 'A', minPoints: 0 }, { name: 'B', minPoints: 0 }] })).length).toBeGreaterThan(0);
  });
});
