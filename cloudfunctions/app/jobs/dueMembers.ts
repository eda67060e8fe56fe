import type { Deps } from '../kernel/context';
import { skipFailures } from './budget';
import { loadCommunity } from '../kernel/access';
import type { Found } from '../kernel/documents';
import type { CommunityDoc, MemberDoc } from '../community/documents';

/** Members read per query, and how many of their transactions run at once (one member each: they never conflict). */
const PAGE = 100;
const PARALLEL = 10;

/**
 * The loop every member job runs (expiry, expiry warnings, the tier review): page through the
 * members an index says are due, each settled in its own transaction, until none is left or the
 * time budget is spent. The index is where it stopped — a settled member leaves it — so the
 * next trigger resumes with whoever is still due. `settle` answers whether it did something; a
 * member it did nothing for, or that failed (logged), is skipped for the rest of this run.
 * Returns whether it stopped with members still due.
 */
export async function settleDue(
  deps: Deps,
  due: { where: Record<string, unknown>; by: keyof MemberDoc & string },
  hasTime: () => boolean,
  settle: (memberId: string) => Promise<boolean>,
): Promise<{ more: boolean }> {
  const { skipped, attempt } = skipFailures(deps, due.by);
  const one = async (memberId: string) => {
    if (!(await attempt(memberId, () => settle(memberId), true))) skipped.add(memberId);
  };
  while (hasTime()) {
    // Who is due is all this needs: each transaction reads its member whole.
    const page = await deps.store.find('members', {
      where: due.where,
      orderBy: [[due.by, 'asc']],
      limit: PAGE + skipped.size,
      fields: [due.by],
    });
    const todo = page.map((m) => m._id).filter((id) => !skipped.has(id));
    if (todo.length === 0) return { more: false };
    for (let i = 0; i < todo.length && hasTime(); i += PARALLEL) await Promise.all(todo.slice(i, i + PARALLEL).map(one));
  }
  return { more: true };
}

/**
 * Each community a job touches, loaded once per run (rules completed with defaults). One that
 * cannot be read (a dropped connection) fails every item of it in this run, so each waits for the
 * next run (skipFailures) instead of being settled without its rules.
 */
export function communitiesOnce(deps: Deps): (communityId: string) => Promise<Found<CommunityDoc>> {
  const communities = new Map<string, Promise<Found<CommunityDoc>>>();
  return (id) => communities.get(id) ?? communities.set(id, loadCommunity(deps.store, id)).get(id)!;
}
