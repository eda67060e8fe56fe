import * as z from 'zod';
import { MULTIPLIED_ACTIONS } from '../../core/campaigns';
import { SPENT_DAYS_KEPT } from '../../core/ledger';
import { CAMPAIGN_LIMITS } from '../../core/limits';
import { communityId, cursor, docId, inCommunity, limit, limited, segment, text } from '../kernel/schemas';

/** The `campaigns` function's action inputs: what each action accepts, checked before it runs. */

const when = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不对` });

/** 试点: a share of members (1–99%) or a segment, not both; null or absent: everyone. */
const pilot = z
  .object(
    {
      share: limited(CAMPAIGN_LIMITS.pilotShare, '试点比例').nullish(),
      segment: segment.nullable(),
    },
    { error: 'pilot 须是 {share} 或 {segment}' },
  )
  .strict()
  .refine((p) => (p.share != null) !== (p.segment != null), '试点：选一个比例或一个分层，二者选一')
  .transform((p) => ({ share: p.share ?? null, segment: p.segment ?? null }))
  .nullish();

const common = {
  id: docId('campaignId').optional(),
  name: text('活动名称', CAMPAIGN_LIMITS.name),
  startsAt: when('开始时间'),
  endsAt: when('结束时间'),
  pilot,
};

const bonusPoints = limited(CAMPAIGN_LIMITS.bonusPoints, '奖励积分');

export const campaignInput = z
  .discriminatedUnion(
    'kind',
    [
      z
        .object({
          ...common,
          kind: z.literal('multiplier'),
          actions: z
            .array(z.enum(MULTIPLIED_ACTIONS, { error: '只能翻倍签到、发帖、回答或点赞' }), { error: '请选择要翻倍的行为' })
            .min(1, '至少选一种行为')
            .max(4, '最多四种行为'),
          multiplier: limited(CAMPAIGN_LIMITS.multiplier, '倍数'),
          monthDay: limited(CAMPAIGN_LIMITS.monthDay, '会员日').nullish(),
        })
        .strict(),
      z
        .object({
          ...common,
          kind: z.literal('challenge'),
          metric: z.enum(['checkins', 'points', 'posts', 'answers'], { error: '挑战目标只能是签到、积分、发帖或回答' }),
          target: limited(CAMPAIGN_LIMITS.target, '目标'),
          bonusPoints,
        })
        .strict(),
      z
        .object({
          ...common,
          kind: z.literal('rules'),
          rules: z
            .object(
              {
                checkin: z
                  .object({
                    points: limited(CAMPAIGN_LIMITS.ruleCheckin, '签到积分').optional(),
                    streakBonus: limited(CAMPAIGN_LIMITS.ruleStreakBonus, '连签奖励').optional(),
                  })
                  .strict()
                  .optional(),
                answer: z
                  .object({ acceptedPoints: limited(CAMPAIGN_LIMITS.ruleAnswer, '采纳积分').optional() })
                  .strict()
                  .optional(),
                like: z
                  .object({ points: limited(CAMPAIGN_LIMITS.ruleLike, '点赞积分').optional() })
                  .strict()
                  .optional(),
              },
              { error: '请填要试行的规则' },
            )
            .strict()
            .refine((r) => Object.values(r).some((part) => part && Object.values(part).some((n) => n !== undefined)), '至少改一条规则')
            // Kept as sent over the wire: a field given as undefined is no field (it must not unset the community's rule when merged).
            .transform((r) => JSON.parse(JSON.stringify(r)) as typeof r),
        })
        .strict(),
      z
        .object({
          ...common,
          kind: z.literal('winback'),
          inactiveDays: limited(CAMPAIGN_LIMITS.inactiveDays, '回归天数').default(14),
          bonusPoints,
        })
        .strict(),
    ],
    { error: '活动类型只能是 multiplier、challenge、winback 或 rules' },
  )
  .refine((c) => Date.parse(c.startsAt) < Date.parse(c.endsAt), { message: '结束时间须晚于开始时间', path: ['endsAt'] })
  // A pilot is compared day by day, and spending is kept for SPENT_DAYS_KEPT days.
  .refine((c) => !c.pilot || Date.parse(c.endsAt) - Date.parse(c.startsAt) <= SPENT_DAYS_KEPT * 86_400_000, {
    message: `试点活动最长 ${SPENT_DAYS_KEPT} 天`,
    path: ['endsAt'],
  });

export const upsertCampaignInput = z.object({ communityId, campaign: campaignInput });
export const listCampaignsInput = z.object({ communityId, cursor, limit });
export const endCampaignInput = z.object({ communityId, campaignId: docId('campaignId') });
export const progressInput = inCommunity;
export const reportInput = z.object({ communityId, campaignId: docId('campaignId') });
export const pilotReportInput = z.object({ communityId, campaignId: docId('campaignId') });
