import * as z from 'zod';
import { segmentRanges } from '../../core/activity';
import { dayOf, type Day } from '../../core/days';
import { refuse } from '../../core/errors';
import { STAFF } from '../../core/roles';
import type { Rules } from '../../core/rules';
import type { Query } from '../../store/port';
import type { Caller, Deps } from '../kernel/context';
import { READ_WITHOUT_LOTS, requireMember } from '../kernel/access';
import { ids, type AppStore } from '../kernel/documents';
import type { CommunityDoc, MemberDoc } from './documents';
import { segmentWhere } from '../kernel/activity';
import { earnedKey } from '../kernel/ledgerWrites';
import { keptPageOf } from '../kernel/paging';
import { listMembersInput } from './inputs';
import { membersByName, membersNamedExactly } from './nameSearch';
import { MEMBER_VIEW_FIELDS, toMember, type MemberFacts } from './toMember';

/** Rows one request reads at most: a rare filter returns a short page with a cursor to read on. */
const MAX_READ = 300;

type Input = z.output<typeof listMembersInput>;
type Plan = { where: Query<MemberDoc>['where']; by: 'sortKey' | 'activeKey' | 'coreKey' | 'earnedKey'; order: 'asc' | 'desc' };

/**
 * Members for the owner console. One index range serves each list — a search by any part of a
 * nickname (nameSearch.ts), a segment by its keys, a tier by points, the role with joining
 * order — so a page costs the same in any community; the other filters are applied to what it
 * reads, never more than MAX_READ rows a request. A `q` that is a member's openid puts that
 * member first, then those named exactly `q` (so a pasted name is matched on the first page).
 */
export async function listMembers(input: Input, caller: Caller, { store }: Deps) {
  const { community } = await requireMember(store, input.communityId, caller.openid, STAFF);
  const today = dayOf(caller.now, community.timezone);
  const tiers = community.rules.tiers;
  if (input.tier && !tiers.some((t) => t.name === input.tier))
    refuse('INVALID_INPUT', `没有「${input.tier}」这个等级：${tiers.map((t) => t.name).join('、')}`);
  // The filters the index range did not serve, checked on the member as the list shows them.
  const keep = (m: MemberFacts) => {
    const { role, tier, segment } = toMember(m, community, today);
    return (!input.role || role === input.role) && (!input.tier || tier === input.tier) && (!input.segment || segment === input.segment);
  };
  const q = input.q;
  const firstPage = Boolean(q && !input.cursor);
  const [byOpenid, named, { rows, nextCursor }] = await Promise.all([
    firstPage ? store.get('members', ids.member(input.communityId, q!), READ_WITHOUT_LOTS) : null,
    firstPage ? membersNamedExactly(store, input.communityId, q!) : [],
    q
      ? membersByName(store, input.communityId, q, (m) => m.nickname !== q && keep(m), { ...input, maxRead: MAX_READ })
      : pageOfPlan(store, input, community, today, keep),
  ]);
  const first = [...(byOpenid ? [byOpenid] : []), ...named.filter((m) => m.openid !== byOpenid?.openid)].filter(keep);
  const members = [...first, ...rows.filter((row) => row.openid !== byOpenid?.openid)].map((m) => toMember(m, community, today));
  return { members, nextCursor };
}

function pageOfPlan(store: AppStore, input: Input, community: CommunityDoc, today: Day, keep: (m: MemberFacts) => boolean) {
  const plan = planOf(input, community.rules, today, community.timezone);
  return keptPageOf(store, 'members', { communityId: input.communityId, ...plan.where }, keep, {
    ...input,
    ...plan,
    fields: MEMBER_VIEW_FIELDS,
    maxRead: MAX_READ,
  });
}

function planOf(input: Input, rules: Rules, today: Day, tz: string): Plan {
  if (input.segment) {
    const ranges = segmentRanges(input.segment, today);
    const where = segmentWhere(ranges, tz);
    // The segment's own range leads; the rest of its conditions are checked on the rows.
    if (input.segment === 'new') return { where: { sortKey: where.sortKey }, by: 'sortKey', order: 'desc' };
    if (input.segment === 'core') return { where: { coreKey: where.coreKey }, by: 'coreKey', order: 'desc' };
    return { where: { activeKey: where.activeKey }, by: 'activeKey', order: 'desc' };
  }
  if (input.tier) {
    const index = rules.tiers.findIndex((t) => t.name === input.tier);
    const next = rules.tiers[index + 1];
    return {
      where: { earnedKey: { gte: earnedKey(rules.tiers[index].minPoints, ''), ...(next ? { lt: earnedKey(next.minPoints, '') } : {}) } },
      by: 'earnedKey',
      order: 'desc',
    };
  }
  if (input.sort === 'active') return { where: {}, by: 'activeKey', order: 'desc' };
  if (input.sort === 'points') return { where: {}, by: 'earnedKey', order: 'desc' };
  return { where: input.role ? { role: input.role } : {}, by: 'sortKey', order: 'asc' };
}
