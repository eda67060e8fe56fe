import type * as z from 'zod';
import { campaignStatus, type ChallengeCampaign } from '../../core/campaigns';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { progressInput } from './inputs';

/** The caller's progress in the challenges that are on (and coming, at 0). */
export async function challengeProgress({ communityId }: z.output<typeof progressInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, communityId, caller.openid);
  const challenges = (community.campaigns ?? []).filter(
    (c): c is ChallengeCampaign => c.kind === 'challenge' && campaignStatus(c, caller.now) !== 'ended',
  );
  return {
    challenges: challenges.map(({ id, name, metric, target, bonusPoints, startsAt, endsAt }) => {
      const mine = member.challenges?.[id];
      return {
        id,
        name,
        metric,
        target,
        bonusPoints,
        startsAt,
        endsAt,
        current: Math.min(mine?.current ?? 0, target),
        done: Boolean(mine?.doneAt),
      };
    }),
  };
}
