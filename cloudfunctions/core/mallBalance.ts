/**
 * Points outstanding against what the mall can honour (seed 002: 建立积分发放与商品库存的动态平衡):
 * members' points are a promise, and the rewards in stock are what keeps it. Pure: the counts
 * come from the caller.
 */
export interface RewardFacts {
  id: string;
  name: string;
  pointsPrice: number;
  stock: number;
  /** Units redeemed and not cancelled, ever. */
  redeemed: number;
  active: boolean;
  createdAt: string;
}

export interface MallBalance {
  /** Points members hold (issued less spent, expired and reversed). */
  liability: number;
  /** Points it would take to redeem every unit on sale. */
  stockPoints: number;
  rewards: Array<{ id: string; name: string; redeemed: number; stock: number; rate: number }>;
  /** On sale two weeks or more, never redeemed. */
  unredeemed: string[];
  /** In plain words when members hold more than the mall can honour; null when it can. */
  warning: string | null;
}

/** A reward on sale this long without a redemption is one nobody wants. */
const UNWANTED_AFTER_DAYS = 14;

export function mallBalance(liability: number, rewards: RewardFacts[], now: Date): MallBalance {
  const onSale = rewards.filter((r) => r.active);
  const stockPoints = onSale.reduce((sum, r) => sum + r.pointsPrice * r.stock, 0);
  const warning =
    liability > stockPoints
      ? `成员手里有 ${liability} 积分，商城库存只够兑换 ${stockPoints} 积分：补充奖品，或放慢发分，别让积分兑不出去`
      : null;
  return {
    liability,
    stockPoints,
    rewards: rewards
      .map((r) => ({
        id: r.id,
        name: r.name,
        redeemed: r.redeemed,
        stock: r.stock,
        rate: r.redeemed + r.stock ? r.redeemed / (r.redeemed + r.stock) : 0,
      }))
      .sort((a, b) => b.rate - a.rate),
    unredeemed: onSale
      .filter((r) => r.redeemed === 0 && now.getTime() - Date.parse(r.createdAt) >= UNWANTED_AFTER_DAYS * 86_400_000)
      .map((r) => r.name),
    warning,
  };
}
