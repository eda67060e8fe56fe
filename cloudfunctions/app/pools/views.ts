import { poolStatus } from '../../core/pools';
import type { BackingDoc, Found, PoolDoc } from '../kernel/documents';

/** A pool as pools.list shows it (API.md), with the caller's own part. */
export const toPool = (pool: Found<PoolDoc>, now: Date, myContribution: number) => ({
  id: pool._id,
  kind: pool.kind,
  name: pool.name,
  description: pool.description,
  goalPoints: pool.goalPoints,
  raised: pool.raised,
  backers: pool.backers,
  status: poolStatus(pool, now),
  endsAt: pool.endsAt,
  itemId: pool.itemId,
  starter: pool.starter,
  starterNickname: pool.starterNickname,
  orderId: pool.orderId,
  myContribution,
});

export type PoolView = ReturnType<typeof toPool>;

export const toBacker = (backing: Found<BackingDoc>) => ({
  openid: backing.openid,
  nickname: backing.nickname,
  points: backing.points,
  refunded: backing.refunded,
});

export type BackerView = ReturnType<typeof toBacker>;
