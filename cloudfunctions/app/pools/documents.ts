/** Stored documents of the area (the collections are listed in kernel/documents.ts). 积分捐赠 and 积分众筹: pools and their backings. */
import type { Lot } from '../../core/ledger';
import type { PoolKind, StoredPoolStatus } from '../../core/pools';

/** A donation pool (积分捐赠) or a pooled redemption (积分众筹). */
export interface PoolDoc {
  communityId: string;
  kind: PoolKind;
  name: string;
  description: string;
  goalPoints: number;
  raised: number;
  backers: number;
  status: StoredPoolStatus;
  endsAt: string;
  /** Pooled: the reward, its starter, and the order made when funded. */
  itemId: string | null;
  starter: string | null;
  starterNickname: string | null;
  orderId: string | null;
  /** Failed: every backing has been refunded (the settle job is done with it). */
  refunded: boolean;
  createdAt: string;
  updatedAt: string;
  /** createdAt|id: newest first. */
  sortKey: string;
}

/** One member's points in one pool (`{poolId}:{openid}`): what a refund gives back, exactly once. */
export interface BackingDoc {
  communityId: string;
  poolId: string;
  openid: string;
  nickname: string;
  points: number;
  /** The points the backing's spends took, with their expiry: the refund of a failed pool gives them back as they were. */
  spentLots?: Lot[];
  refunded: boolean;
  createdAt: string;
  updatedAt: string;
}
