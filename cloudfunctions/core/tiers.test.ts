import { DEFAULT_RULES } from './rules';
import { tierFor } from './tiers';

describe('tiers', () => {
  const tiers = DEFAULT_RULES.tiers;
  it('places lifetime points in 铜/银/金/铂金 with the next threshold', () => {
    expect(tierFor(0, tiers)).toEqual({ name: '铜', nextName: '银', nextMinPoints: 500 });
    expect(tierFor(499, tiers).name).toBe('铜');
    expect(tierFor(500, tiers)).toEqual({ name: '银', nextName: '金', nextMinPoints: 2000 });
    expect(tierFor(5000, tiers)).toEqual({ name: '铂金', nextName: null, nextMinPoints: null });
  });
});
