import { refuse } from './errors';

/**
 * 积分捐赠 and 积分众筹: points gathered from many members towards one goal. A donation pool's
 * points leave circulation for a cause; a pooled redemption turns one reserved unit of a reward
 * into an order for its starter once funded, and refunds every backer if it is not in time.
 */
export type PoolKind = 'donation' | 'pooled';

/** What is stored: open until funded; a pooled pool fails (and is refunded) past its deadline. */
export type StoredPoolStatus = 'open' | 'funded' | 'failed';
/** What members see: a donation pool past endsAt without its goal has simply ended. */
export type PoolStatus = StoredPoolStatus | 'ended';

export interface PoolState {
  kind: PoolKind;
  goalPoints: number;
  raised: number;
  status: StoredPoolStatus;
  endsAt: string;
}

/** The status as of `now`: an open pool past its end has ended (donation) or failed (pooled), whether or not a job has settled it yet. */
export function poolStatus(pool: PoolState, now: Date): PoolStatus {
  if (pool.status !== 'open') return pool.status;
  if (now.getTime() < Date.parse(pool.endsAt)) return 'open';
  return pool.kind === 'donation' ? 'ended' : 'failed';
}

/**
 * One contribution's rules: only to an open pool, never past its goal (so however many backers
 * race, a pool raises at most its goal). Returns the pool's totals after it.
 */
export function contribute(
  pool: PoolState,
  points: number,
  now: Date,
  firstFromBacker: boolean,
): { raised: number; funded: boolean; backersAdded: number } {
  const status = poolStatus(pool, now);
  if (status === 'funded') refuse('FORBIDDEN', '已经凑齐了，谢谢你的心意');
  if (status !== 'open') refuse('FORBIDDEN', pool.kind === 'donation' ? '这个捐赠已经结束' : '这个众筹已经结束');
  const remaining = pool.goalPoints - pool.raised;
  if (points > remaining) refuse('LIMIT_REACHED', `只差 ${remaining} 积分就凑齐了，最多投 ${remaining} 积分`);
  const raised = pool.raised + points;
  return { raised, funded: raised === pool.goalPoints, backersAdded: firstFromBacker ? 1 : 0 };
}

/** A pooled redemption's deadline: `days` from its start. */
export const poolDeadline = (now: Date, days: number): string => new Date(now.getTime() + days * 86_400_000).toISOString();
