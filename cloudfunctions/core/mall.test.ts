import { DomainError } from './errors';
import { checkRedemption, orderStatusName, rewardStatus, type Reward } from './mall';
import { tierIndexFor, tierReaches } from './tiers';
import { DEFAULT_RULES } from './rules';

const reward = (over: Partial<Reward> = {}): Reward => ({
  name: '试用装',
  pointsPrice: 100,
  stock: 3,
  perMemberLimit: 2,
  startsAt: null,
  endsAt: null,
  minTier: null,
  active: true,
  ...over,
});
const now = new Date('2026-06-01T04:00:00Z');
const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as DomainError).code;
  }
};
const check = (r: Reward, alreadyRedeemed = 0, quantity = 1, earnedTotal = 0) =>
  codeOf(() =>
    checkRedemption(r, { tierIndex: tierIndexFor(earnedTotal, DEFAULT_RULES.tiers), alreadyRedeemed }, quantity, now, DEFAULT_RULES.tiers),
  );

describe('redemption rules', () => {
  it('opens, counts down and closes flash windows', () => {
    expect(rewardStatus(reward({ startsAt: '2026-06-01T05:00:00Z' }), now)).toBe('upcoming');
    expect(rewardStatus(reward({ endsAt: '2026-06-01T04:00:00Z' }), now)).toBe('ended');
    expect(rewardStatus(reward({ stock: 0 }), now)).toBe('soldOut');
    expect(check(reward({ startsAt: '2026-06-01T05:00:00Z' }))).toBe('FORBIDDEN');
    expect(check(reward({ startsAt: '2026-06-01T03:00:00Z', endsAt: '2026-06-01T05:00:00Z' }))).toBe('ok');
  });

  it('locks tier-only rewards below their tier', () => {
    expect(tierReaches('金', tierIndexFor(1999, DEFAULT_RULES.tiers), DEFAULT_RULES.tiers)).toBe(false);
    expect(tierReaches('金', tierIndexFor(2000, DEFAULT_RULES.tiers), DEFAULT_RULES.tiers)).toBe(true);
    expect(tierReaches('不存在', 0, DEFAULT_RULES.tiers)).toBe(true);
    expect(check(reward({ minTier: '银' }), 0, 1, 499)).toBe('FORBIDDEN');
    expect(check(reward({ minTier: '银' }), 0, 1, 500)).toBe('ok');
  });

  it('refuses beyond stock and beyond the per-member limit', () => {
    expect(check(reward(), 0, 4)).toBe('OUT_OF_STOCK');
    expect(check(reward({ stock: 0 }))).toBe('OUT_OF_STOCK');
    expect(check(reward(), 1, 1)).toBe('ok');
    expect(check(reward(), 2, 1)).toBe('LIMIT_REACHED');
    expect(check(reward({ perMemberLimit: null }), 50, 3)).toBe('ok');
    expect(check(reward({ active: false }))).toBe('NOT_FOUND');
  });
});

describe('order status names', () => {
  it('are one set everywhere: a pending order waits to be shipped or to be redeemed by its code', () => {
    expect(orderStatusName({ status: 'pending', kind: 'physical' })).toBe('待发货');
    for (const kind of ['service', 'coupon'] as const) expect(orderStatusName({ status: 'pending', kind })).toBe('待核销');
    expect(orderStatusName({ status: 'unpaid', kind: 'physical' })).toBe('待支付');
    expect(orderStatusName({ status: 'fulfilled', kind: 'title' })).toBe('已完成');
    expect(orderStatusName({ status: 'cancelled', kind: 'service' })).toBe('已取消');
  });
});
