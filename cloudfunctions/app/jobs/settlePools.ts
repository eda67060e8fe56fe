import type * as z from 'zod';
import { increment } from '../../store/port';
import type { Caller, Deps } from '../kernel/context';
import { ids, type Found } from '../kernel/documents';
import type { PoolDoc } from '../pools/documents';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { writeNotice } from '../notices/notify';
import { skipFailures, timeLeft } from './budget';
import { communitiesOnce } from './dueMembers';
import { settlePoolsInput } from './inputs';
import { redeemedAfter } from '../../core/mall';

const PAGE = 50;
const PARALLEL = 10;

/**
 * 积分众筹 that did not make it: a pooled redemption past its deadline and not funded fails — its
 * reserved unit goes back to stock and the starter's limit back to them — and every backing of a
 * failed pool (past its deadline, or its order cancelled) is refunded, each in its own
 * transaction and exactly once (the backing remembers it; the refund entry's id is fixed).
 * Pages within the time budget; the indexes are where it stopped, so the next run resumes.
 */
export async function settlePools(_input: z.output<typeof settlePoolsInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const hasTime = timeLeft(deps);
  const community = communitiesOnce(deps);
  const { skipped, attempt } = skipFailures(deps, 'settlePools');
  let failed = 0;
  let refunded = 0;

  while (hasTime()) {
    const due = (
      await store.find('pools', {
        where: { kind: 'pooled', status: 'open', endsAt: { lte: caller.now.toISOString() } },
        orderBy: [['endsAt', 'asc']],
        limit: PAGE + skipped.size,
        fields: ['endsAt'],
      })
    ).filter((p) => !skipped.has(p._id));
    if (!due.length) break;
    for (const pool of due) if (hasTime()) failed += await attempt(pool._id, () => failPool(pool._id), 0);
  }
  while (hasTime()) {
    const pools = (
      await store.find('pools', { where: { status: 'failed', refunded: false }, orderBy: [['endsAt', 'asc']], limit: PAGE + skipped.size })
    ).filter((p) => !skipped.has(p._id));
    if (!pools.length) return { failed, refunded, more: false };
    for (const pool of pools) {
      if (!hasTime()) break;
      const unrefunded = await store.find('poolBackings', {
        where: { poolId: pool._id, refunded: false },
        limit: PAGE + skipped.size,
        fields: ['openid'],
      });
      const backings = unrefunded.filter((b) => !skipped.has(b._id));
      if (!unrefunded.length) await attempt(pool._id, () => markRefunded(pool._id), undefined);
      else if (!backings.length) skipped.add(pool._id);
      for (let i = 0; i < backings.length && hasTime(); i += PARALLEL) {
        const given = await Promise.all(backings.slice(i, i + PARALLEL).map((b) => attempt(b._id, () => refundBacking(pool, b._id), 0)));
        refunded += given.filter((points) => points > 0).length;
      }
    }
  }
  return { failed, refunded, more: true };

  async function failPool(poolId: string): Promise<number> {
    return store.transaction(async (tx) => {
      const pool = await tx.get('pools', poolId);
      if (!pool || pool.status !== 'open' || Date.parse(pool.endsAt) > caller.now.getTime()) return 0;
      const starter = await tx.get('members', ids.member(pool.communityId, pool.starter!));
      const item = await tx.get('items', pool.itemId!);
      if (item) await tx.update('items', pool.itemId!, { stock: increment(1) });
      if (starter) await tx.update('members', starter._id, { redeemed: redeemedAfter(starter.redeemed, pool.itemId!, -1) });
      await tx.update('pools', poolId, { status: 'failed', refunded: false, updatedAt: caller.now.toISOString() });
      return 1;
    });
  }

  async function refundBacking(pool: Found<PoolDoc>, backingId: string): Promise<number> {
    const settings = await community(pool.communityId);
    return store.transaction(async (tx) => {
      const backing = await tx.get('poolBackings', backingId);
      if (!backing || backing.refunded) return 0;
      const member = await tx.get('members', ids.member(backing.communityId, backing.openid));
      if (member) {
        await recordPostings(
          tx,
          member,
          [
            {
              id: ids.ledger('poolrefund', backing.communityId, backing.openid, backing.poolId),
              kind: 'refund',
              delta: backing.points,
              reason: `众筹「${pool.name}」未成，积分退回`,
              refId: backing.poolId,
              restore: backing.spentLots,
            },
          ],
          postingTime(settings, caller.now),
        );
        await writeNotice(
          tx,
          {
            communityId: backing.communityId,
            openid: backing.openid,
            kind: 'pool_failed',
            refId: backingId,
            title: `众筹「${pool.name}」没有凑齐，${backing.points} 积分已退回`,
            body: '',
            points: backing.points,
          },
          caller.now,
        );
      }
      await tx.update('poolBackings', backingId, { refunded: true, updatedAt: caller.now.toISOString() });
      return backing.points;
    });
  }

  async function markRefunded(poolId: string): Promise<void> {
    await store.transaction(async (tx) => {
      const pool = await tx.get('pools', poolId);
      if (pool && pool.status === 'failed' && !pool.refunded)
        await tx.update('pools', poolId, { refunded: true, updatedAt: caller.now.toISOString() });
    });
  }
}
