import * as z from 'zod';
import { refuse } from '../../core/errors';
import { mergeRules, type RulesPatch, rulesChange, rulesProblems, withDefaults } from '../../core/rules';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import { OWNER } from '../../core/roles';
import { updateRulesInput } from './inputs';
import { refusals } from '../../core/refusals';

/**
 * Owners tune the rules; the patch is deep-merged and validated as a whole. Points already
 * granted are never touched: lots keep the expiry they were earned with. The audit log keeps
 * what changed, before and after; an update that changes nothing writes nothing.
 */
export async function updateRules(input: z.output<typeof updateRulesInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const rules = await store.transaction(async (tx) => {
    const community = (await tx.get('communities', input.communityId)) ?? refusals.noCommunity();
    const current = withDefaults(community.rules);
    const merged = mergeRules(current, input.rules as RulesPatch);
    const problems = rulesProblems(merged);
    if (problems.length) refuse('INVALID_INPUT', problems.join('；'));
    const change = rulesChange(current, merged);
    if (Object.keys(change.after).length === 0) return merged;
    await tx.update('communities', input.communityId, { rules: merged });
    await recordAudit(
      tx,
      { communityId: input.communityId, action: 'community.updateRules', target: input.communityId, detail: change },
      caller,
    );
    return merged;
  });
  return { rules };
}
