import { mallBalance, type RewardFacts } from './mallBalance';

const NOW = new Date('2026-03-30T00:00:00Z');
const reward = (id: string, over: Partial<RewardFacts>): RewardFacts => ({
  id,
  name: id,
  pointsPrice: 100,
  stock: 5,
  redeemed: 0,
  active: true,
  createdAt: '2026-03-01T00:00:00Z',
  ...over,
});

describe('mallBalance', () => {
  it('sets what members hold against what the stock on sale can honour, and warns in words when it cannot', () => {
    const rewards = [
      reward('杯子', { pointsPrice: 100, stock: 5, redeemed: 15 }),
      reward('帆布袋', { pointsPrice: 50, stock: 10 }),
      reward('下架的', { active: false, stock: 100 }),
    ];
    const enough = mallBalance(1000, rewards, NOW);
    expect(enough).toMatchObject({ liability: 1000, stockPoints: 1000, warning: null });
    expect(enough.rewards.map((r) => [r.name, r.rate])).toEqual([
      ['杯子', 0.75],
      ['帆布袋', 0],
      ['下架的', 0],
    ]);
    expect(enough.unredeemed).toEqual(['帆布袋']);
    expect(mallBalance(1001, rewards, NOW).warning).toContain('成员手里有 1001 积分，商城库存只够兑换 1000 积分');
  });

  it('calls a reward unwanted only after two weeks on sale', () => {
    expect(mallBalance(0, [reward('新品', { createdAt: '2026-03-20T00:00:00Z' })], NOW).unredeemed).toEqual([]);
    expect(mallBalance(0, [], NOW)).toEqual({ liability: 0, stockPoints: 0, rewards: [], unredeemed: [], warning: null });
  });
});
