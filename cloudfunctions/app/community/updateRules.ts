import * as z from 'zod';
import { refuse } from '../../core/errors';
import { mergeRules, type RulesPatch, rulesProblems, withDefaults } from '../../core/rules';
import type { Caller, Deps } from '../context';
import { OWNER, requireMember } from '../access';
import type { CommunityDoc } from '../documents';
import { communityId, points } from '../schemas';

const count = z.number({ error: '必须是数字' }).int('必须是整数').min(0, '不能为负').max(1000, '太大');

const rulesPatch = z
  .object({
    checkin: z.object({ points, streakDays: count.min(1, '至少 1 天'), streakBonus: points }).partial().strict(),
    answer: z.object({ acceptedPoints: points, dailyCap: count }).partial().strict(),
    post: z.object({ minPoints: points, maxPoints: points, dailyCap: count }).partial().strict(),
    like: z.object({ points, dailyCap: count }).partial().strict(),
    referral: z
      .object({ inviterPoints: points, inviteePoints: points, dailyCap: count, riskThreshold: z.number().int('必须是整数').min(1, '至少为 1').max(5, '最多为 5（5 表示不拦截）') })
      .partial()
      .strict(),
    expiry: z.object({ days: z.number().int('必须是整数').min(1, '至少 1 天').max(3650, '最多 3650 天') }).partial().strict(),
    tiers: z
      .array(z.object({ name: z.string().trim().min(1, '等级名称不能为空').max(10, '等级名称最多 10 个字'), minPoints: points }).strict())
      .min(1, '至少一个等级')
      .max(10, '最多 10 个等级'),
  })
  .partial()
  .strict();

export const updateRulesInput = z.object({ communityId, rules: rulesPatch });

/**
 * Owners tune the rules; the patch is deep-merged and validated as a whole. Points already
 * granted are never touched: lots keep the expiry they were earned with.
 */
export async function updateRules(input: z.output<typeof updateRulesInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const rules = await store.transaction(async (tx) => {
    const community = (await tx.get<CommunityDoc>('communities', input.communityId)) ?? refuse('NOT_FOUND', '社群不存在');
    const merged = mergeRules(withDefaults(community.rules), input.rules as RulesPatch);
    const problems = rulesProblems(merged);
    if (problems.length) refuse('INVALID_INPUT', problems.join('；'));
    await tx.update('communities', input.communityId, { rules: merged });
    return merged;
  });
  return { rules };
}
