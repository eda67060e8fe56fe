import * as z from 'zod';
import { AUDIT_ACTIONS } from '../../contract/views';
import { TEMPLATE_KEYS } from '../../core/templates';
import { COMMUNITY_NAME_LIMIT, NICKNAME_LIMIT, TIER_LIMITS } from '../../core/limits';
import {
  communityId,
  cursor,
  docId,
  imageRef,
  inCommunity,
  limit,
  limited,
  openid,
  requestId,
  ruleSetting,
  segment,
  text,
} from '../kernel/schemas';
import { groupCloudIdInput } from '../kernel/groupCloudId';
import { isValidTimezone } from '../../core/days';
import { birthdayProblem } from '../../core/birthday';

/** The `community` function's action inputs: what each action accepts, checked before it runs. */

export const bindGroupInput = z.object({ communityId, groupCloudId: groupCloudIdInput });

export const byGroupInput = z.object({ groupCloudId: groupCloudIdInput });

export const myCommunitiesInput = z.object({});

export const createCommunityInput = z.object({
  name: text('社群名称', COMMUNITY_NAME_LIMIT),
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
  nickname: text('昵称', NICKNAME_LIMIT).optional(),
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

/** One group of rules: any of its settings, none other. */
const group = <Shape extends z.ZodRawShape>(shape: Shape) => z.object(shape).partial().strict();

export const rulesPatch = z
  .object({
    checkin: group({
      points: ruleSetting('checkin.points'),
      streakDays: ruleSetting('checkin.streakDays'),
      streakBonus: ruleSetting('checkin.streakBonus'),
    }),
    answer: group({ acceptedPoints: ruleSetting('answer.acceptedPoints'), dailyCap: ruleSetting('answer.dailyCap') }),
    post: group({
      minPoints: ruleSetting('post.minPoints'),
      maxPoints: ruleSetting('post.maxPoints'),
      dailyCap: ruleSetting('post.dailyCap'),
    }),
    like: group({ points: ruleSetting('like.points'), dailyCap: ruleSetting('like.dailyCap') }),
    comment: group({ points: ruleSetting('comment.points'), dailyCap: ruleSetting('comment.dailyCap') }),
    referral: group({
      inviterPoints: ruleSetting('referral.inviterPoints'),
      inviteePoints: ruleSetting('referral.inviteePoints'),
      dailyCap: ruleSetting('referral.dailyCap'),
      riskThreshold: ruleSetting('referral.riskThreshold'),
    }),
    expiry: group({ days: ruleSetting('expiry.days') }),
    tiers: z
      .array(
        z
          .object({
            name: z.string().trim().min(1, '等级名称不能为空').max(TIER_LIMITS.name, `等级名称最多 ${TIER_LIMITS.name} 个字`),
            minPoints: limited(TIER_LIMITS.minPoints, '门槛'),
            multiplier: limited(TIER_LIMITS.multiplier).optional(),
            perks: z
              .array(
                z
                  .string({ error: '权益必须是文字' })
                  .trim()
                  .min(1, '权益不能为空')
                  .max(TIER_LIMITS.perk, `每条权益最多 ${TIER_LIMITS.perk} 个字`),
                { error: '权益是一组文字' },
              )
              .max(TIER_LIMITS.perks, `最多 ${TIER_LIMITS.perks} 条权益`)
              .optional(),
          })
          .strict(),
      )
      .min(1, '至少一个等级')
      .max(TIER_LIMITS.tiers, `最多 ${TIER_LIMITS.tiers} 个等级`),
    tierRetention: group({
      mode: z.enum(['lifetime', 'rolling'], { error: '保级方式只能是 lifetime 或 rolling' }),
      windowDays: ruleSetting('tierRetention.windowDays'),
      graceDays: ruleSetting('tierRetention.graceDays'),
    }),
    makeUp: group({
      cost: ruleSetting('makeUp.cost'),
      perMonth: ruleSetting('makeUp.perMonth'),
      withinDays: ruleSetting('makeUp.withinDays'),
    }),
    birthday: group({ points: ruleSetting('birthday.points') }),
    tasks: group({
      profile: ruleSetting('tasks.profile'),
      firstCheckin: ruleSetting('tasks.firstCheckin'),
      firstPost: ruleSetting('tasks.firstPost'),
      firstAnswer: ruleSetting('tasks.firstAnswer'),
      firstInvite: ruleSetting('tasks.firstInvite'),
    }),
    transfer: group({
      enabled: z.boolean({ error: '必须是 true 或 false' }),
      minTier: z
        .string({ error: '等级必须是文字' })
        .trim()
        .min(1, '等级不能为空')
        .max(TIER_LIMITS.name, `等级名称最多 ${TIER_LIMITS.name} 个字`),
      dailyLimit: ruleSetting('transfer.dailyLimit'),
      maxPerTransfer: ruleSetting('transfer.maxPerTransfer'),
      minMemberDays: ruleSetting('transfer.minMemberDays'),
      receiveDailyLimit: ruleSetting('transfer.receiveDailyLimit'),
    }),
    pool: group({ days: ruleSetting('pool.days') }),
    purchase: group({
      enabled: z.boolean({ error: '必须是 true 或 false' }),
      pointsPerYuan: ruleSetting('purchase.pointsPerYuan'),
      dailyCap: ruleSetting('purchase.dailyCap'),
    }),
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
const birthday = z.string({ error: '生日必须是文字' }).check((ctx) => {
  const problem = birthdayProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

export const updateProfileInput = z.object({
  communityId,
  nickname: text('昵称', NICKNAME_LIMIT).optional(),
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
