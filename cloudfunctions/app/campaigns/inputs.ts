import * as z from 'zod';
import { MULTIPLIED_ACTIONS } from '../../core/campaigns';
import { SPENT_DAYS_KEPT } from '../../core/ledger';
import { communityId, cursor, docId, inCommunity, limit, points, segment, text } from '../kernel/schemas';

/** The `campaigns` function's action inputs: what each action accepts, checked before it runs. */

const when = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不对` });

/** 试点: a share of members (1–99%) or a segment, not both; null or absent: everyone. */
const pilot = z
  .object(
    {
      share: z
        .number({ error: '试点比例必须是数字' })
        .int('试点比例必须是整数')
        .min(1, '试点比例在 1% 到 99% 之间')
        .max(99, '试点比例在 1% 到 99% 之间')
        .nullish(),
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
  name: text('活动名称', 20),
  startsAt: when('开始时间'),
  endsAt: when('结束时间'),
  pilot,
};

const bonusPoints = points.min(1, '奖励积分至少为 1').max(100_000, '奖励积分太大');

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
          multiplier: z.number({ error: '倍数必须是数字' }).min(1.1, '倍数至少为 1.1').max(5, '倍数最多为 5'),
          monthDay: z
            .number({ error: '会员日必须是数字' })
            .int('会员日必须是整数')
            .min(1, '会员日为每月 1–28 日')
            .max(28, '会员日为每月 1–28 日')
            .nullish(),
        })
        .strict(),
      z
        .object({
          ...common,
          kind: z.literal('challenge'),
          metric: z.enum(['checkins', 'points', 'posts', 'answers'], { error: '挑战目标只能是签到、积分、发帖或回答' }),
          target: z.number({ error: '目标必须是数字' }).int('目标必须是整数').min(1, '目标至少为 1').max(1_000_000, '目标太大'),
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
                    points: points.max(10_000, '签到积分最多 10000').optional(),
                    streakBonus: points.max(100_000, '连签奖励太大').optional(),
                  })
                  .strict()
                  .optional(),
                answer: z
                  .object({ acceptedPoints: points.max(100_000, '回答积分太大').optional() })
                  .strict()
                  .optional(),
                like: z
                  .object({ points: points.max(1_000, '点赞积分最多 1000').optional() })
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
          inactiveDays: z
            .number({ error: '天数必须是数字' })
            .int('天数必须是整数')
            .min(3, '至少 3 天没来才算回归')
            .max(365, '最多 365 天')
            .default(14),
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
