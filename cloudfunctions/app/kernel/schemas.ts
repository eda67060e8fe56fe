import * as z from 'zod';
import { limitProblem, POINTS_LIMIT, RULE_LIMITS, type NumberLimit, type RuleKey } from '../../core/limits';

/** Input pieces shared by many actions. Messages are shown to people, so they are Chinese. */
export const communityId = z.string({ error: 'communityId 必须是字符串' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'communityId 格式不对');

export const openid = z.string({ error: 'openid 必须是字符串' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'openid 格式不对');

export const requestId = z
  .string({ error: 'requestId 必须是字符串' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId 须为 8–64 位字母、数字、_ 或 -');

export const limit = z
  .number({ error: 'limit 必须是数字' })
  .int('limit 必须是整数')
  .min(1, 'limit 至少为 1')
  .max(100, 'limit 最多为 100')
  .default(20);

export const cursor = z.string().max(300, 'cursor 太长').nullish();

export const points = limited(POINTS_LIMIT, '积分');

export const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}最多 ${max} 个字`);

export const inCommunity = z.object({ communityId });

/** A segment of the health page (core/activity SEGMENTS). */
export const segment = z.enum(['new', 'core', 'active', 'at_risk', 'dormant', 'lost'], { error: '没有这个分层' }).optional();

/** A document id made by newId() or given by a client in a path. */
export const docId = (label: string) => z.string({ error: `${label} 必须是字符串` }).regex(/^[A-Za-z0-9_-]{1,64}$/, `${label} 格式不对`);

/** An uploaded image: a cloud storage file ID in WeChat, an /uploads/ path on the local runtime. */
export const imageRef = z
  .string({ error: '图片地址必须是字符串' })
  .regex(/^(cloud:\/\/[^\s]{1,400}|\/uploads\/[a-f0-9]{32}\.(jpg|png|gif|webp))$/, '图片地址不对：请先上传图片');

/** A number within one of core's limits (core/limits.ts), refused in the words the app's forms use (after `label`, when given). A declaration, so `points` above can use it. */
export function limited(limit: NumberLimit, label = '') {
  return z.number({ error: `${label}必须是数字` }).check((ctx) => {
    const problem = limitProblem(ctx.value, limit);
    if (problem) ctx.issues.push({ code: 'custom', message: `${label}${problem}`, input: ctx.value });
  });
}

/** One numeric rule of community.updateRules ("group.setting"), within its limit. */
export const ruleSetting = (key: RuleKey) => limited(RULE_LIMITS[key]);
