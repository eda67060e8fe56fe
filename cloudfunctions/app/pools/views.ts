import { poolStatus } from '../../core/pools';
import type { BackerView, PoolView } from '../../contract/views';
import type { Found } from '../kernel/documents';
import type { BackingDoc, PoolDoc } from './documents';

export type { BackerView, PoolView };

/** A pool as pools.list shows it (API.md), with the caller's own part. */
export const toPool = (pool: Found<PoolDoc>, now: Date, myContribution: number): PoolView => ({
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

export const toBacker = (backing: Found<BackingDoc>): BackerView => ({
  openid: backing.openid,
  nickname: backing.nickname,
  points: backing.points,
  refunded: backing.refunded,
});
