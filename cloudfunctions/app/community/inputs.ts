import * as z from 'zod';
import { AUDIT_ACTIONS } from '../../contract/views';
import { TEMPLATE_KEYS } from '../../core/templates';
import { communityId, cursor, docId, imageRef, inCommunity, limit, openid, points, requestId, segment, text } from '../kernel/schemas';
import { groupCloudIdInput } from '../kernel/groupCloudId';
import { isValidTimezone } from '../../core/days';

/** The `community` function's action inputs: what each action accepts, checked before it runs. */

export const bindGroupInput = z.object({ communityId, groupCloudId: groupCloudIdInput });

export const byGroupInput = z.object({ groupCloudId: groupCloudIdInput });

export const myCommunitiesInput = z.object({});

export const createCommunityInput = z.object({
  name: text('社群名称', 30),
  template: z.enum(TEMPLATE_KEYS, { error: 'template 只能是 general、weishang、parenting 或 interest' }).default('general'),
  timezone: z.string().refine(isValidTimezone, '不认识的时区').optional(),
  requestId: requestId.optional(),
});

export const getCommunityInput = inCommunity;

export const joinCommunityInput = z.object({
  communityId,
  inviteCode: z
    .string()
    .regex(/^[A-Za-z0-9_-]{4,32}$/, '邀请码格式不对')
    .optional(),
  nickname: text('昵称', 20).optional(),
  /** The group card the app was opened from (wx.getGroupEnterInfo's cloudID, as a wx.cloud.CloudID). */
  groupCloudId: groupCloudIdInput.optional(),
});

export const listMembersInput = z.object({
  communityId,
  cursor,
  limit,
  /** An empty search box is no search. */
  q: z.string({ error: '搜索必须是文字' }).trim().max(32, '搜索最多 32 个字').optional(),
  role: z.enum(['owner', 'moderator', 'member'], { error: 'role 只能是 owner、moderator 或 member' }).optional(),
  tier: text('等级', 20).optional(),
  segment,
  sort: z.enum(['joined', 'active', 'points'], { error: 'sort 只能是 joined、active 或 points' }).optional(),
});

export const setRoleInput = z.object({
  communityId,
  openid,
  role: z.enum(['moderator', 'member'], { error: 'role 只能是 moderator 或 member' }),
});

export const count = z.number({ error: '必须是数字' }).int('必须是整数').min(0, '不能为负').max(1000, '太大');

export const rulesPatch = z
  .object({
    checkin: z
      .object({ points, streakDays: count.min(1, '至少 1 天'), streakBonus: points })
      .partial()
      .strict(),
    answer: z.object({ acceptedPoints: points, dailyCap: count }).partial().strict(),
    post: z.object({ minPoints: points, maxPoints: points, dailyCap: count }).partial().strict(),
    like: z.object({ points, dailyCap: count }).partial().strict(),
    comment: z.object({ points, dailyCap: count }).partial().strict(),
    referral: z
      .object({
        inviterPoints: points,
        inviteePoints: points,
        dailyCap: count,
        riskThreshold: z.number().int('必须是整数').min(1, '至少为 1').max(5, '最多为 5（5 表示不拦截）'),
      })
      .partial()
      .strict(),
    expiry: z
      .object({ days: z.number().int('必须是整数').min(1, '至少 1 天').max(3650, '最多 3650 天') })
      .partial()
      .strict(),
    tiers: z
      .array(
        z
          .object({
            name: z.string().trim().min(1, '等级名称不能为空').max(10, '等级名称最多 10 个字'),
            minPoints: points,
            multiplier: z.number({ error: '倍数必须是数字' }).min(1, '倍数至少为 1').max(3, '倍数最多为 3').optional(),
            perks: z
              .array(z.string({ error: '权益必须是文字' }).trim().min(1, '权益不能为空').max(20, '每条权益最多 20 个字'), {
                error: '权益是一组文字',
              })
              .max(6, '最多 6 条权益')
              .optional(),
          })
          .strict(),
      )
      .min(1, '至少一个等级')
      .max(10, '最多 10 个等级'),
    tierRetention: z
      .object({
        mode: z.enum(['lifetime', 'rolling'], { error: '保级方式只能是 lifetime 或 rolling' }),
        windowDays: z.number().int('必须是整数').min(30, '至少 30 天').max(365, '最多 365 天'),
        graceDays: z.number().int('必须是整数').min(0, '不能为负').max(90, '最多 90 天'),
      })
      .partial()
      .strict(),
    makeUp: z
      .object({ cost: points, perMonth: count.max(31, '每月最多 31 次'), withinDays: count.max(30, '最多 30 天') })
      .partial()
      .strict(),
    birthday: z.object({ points }).partial().strict(),
    tasks: z
      .object({ profile: points, firstCheckin: points, firstPost: points, firstAnswer: points, firstInvite: points })
      .partial()
      .strict(),
    transfer: z
      .object({
        enabled: z.boolean({ error: '必须是 true 或 false' }),
        minTier: z.string({ error: '等级必须是文字' }).trim().min(1, '等级不能为空').max(10, '等级名称最多 10 个字'),
        dailyLimit: points,
        maxPerTransfer: points,
        minMemberDays: count.max(365, '最多 365 天'),
        receiveDailyLimit: points,
      })
      .partial()
      .strict(),
    pool: z
      .object({ days: count.min(1, '至少 1 天').max(30, '最多 30 天') })
      .partial()
      .strict(),
    purchase: z
      .object({
        enabled: z.boolean({ error: '必须是 true 或 false' }),
        pointsPerYuan: z.number({ error: '必须是数字' }).min(0.01, '每元至少 0.01 积分').max(100, '每元最多 100 积分'),
        dailyCap: points,
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export const updateRulesInput = z.object({ communityId, rules: rulesPatch });

export const banMemberInput = z.object({
  communityId,
  openid,
  banned: z.boolean({ error: 'banned 必须是 true 或 false' }),
  reason: text('原因', 100),
});

export const getMemberInput = z.object({ communityId, openid });

export const listAuditInput = z.object({
  communityId,
  cursor,
  limit,
  /** Only events of this action, e.g. "community.updateRules" for the history of the rules (`action` names the call itself). */
  kind: z.enum(AUDIT_ACTIONS, { error: 'kind 须是日志里的一种操作，如 community.updateRules' }).optional(),
  /** Only what this staff member (openid) did. */
  actor: openid.optional(),
});

/** A day of the year as "MM-DD" that exists in some year (02-29 included). */
const birthday = z
  .string({ error: '生日必须是文字' })
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '生日格式应为 月-日，例如 03-08')
  .refine((value) => {
    const [month, day] = value.split('-').map(Number);
    return day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  }, '没有这一天');

export const updateProfileInput = z.object({
  communityId,
  nickname: text('昵称', 20).optional(),
  /** WeChat's chooseAvatar picture, uploaded like any image. */
  avatar: imageRef.optional(),
  birthday: birthday.optional(),
  hideFromLeaderboard: z.boolean({ error: 'hideFromLeaderboard 必须是 true 或 false' }).optional(),
  /** Which owned title and frame to wear, by their reward's id; null takes it off. */
  wear: z
    .object({ title: docId('称号').nullish(), frame: docId('头像框').nullish() }, { error: 'wear 须为 {title?, frame?}' })
    .strict()
    .optional(),
});
