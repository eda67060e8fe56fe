import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { purchasePoints } from '../../core/purchases';
import { STAFF } from '../../core/roles';
import { dayOf } from '../../core/days';
import { tierOf } from '../../core/tiers';
import { myTierFacts, READ_WITHOUT_LOTS, requireMember } from '../kernel/access';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import { requireUsable, scannedMember } from './heldCode';
import { scanMemberInput } from './inputs';

/**
 * Staff scanned a member code: whose it is — name, avatar, tier, balance — so the wrong person is
 * not credited, and with an amount what the purchase would pay now. Reads only.
 */
export async function scanMember(input: z.output<typeof scanMemberInput>, caller: Caller, { store }: Deps) {
  const { community } = await requireMember(store, input.communityId, caller.openid, STAFF);
  const { openid, secret } = scannedMember(input.code, input.communityId, caller);
  const member =
    (await store.get('members', ids.member(input.communityId, openid), READ_WITHOUT_LOTS)) ??
    refuse('INVALID_INPUT', '会员码无效：这位成员不在社群里');
  requireUsable(member.memberCode, secret, caller.now);
  const today = dayOf(caller.now, community.timezone);
  const tier = tierOf(await myTierFacts(store, community, member), community.rules, today);
  const rule = community.rules.purchase;
  return {
    member: {
      openid,
      nickname: member.nickname,
      avatar: member.avatar ?? null,
      tier: tier.name,
      balance: member.balance,
      banned: Boolean(member.banned),
    },
    purchase: {
      enabled: rule.enabled,
      pointsPerYuan: rule.pointsPerYuan,
      ...(input.amountFen !== undefined ? purchasePoints(input.amountFen, rule, tier.multiplier, member.purchaseDay, today) : {}),
    },
    expiresAt: member.memberCode!.expiresAt,
  };
}
