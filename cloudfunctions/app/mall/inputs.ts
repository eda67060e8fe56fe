import { PHONE_PROBLEM, phoneDigits } from '../../core/phone';
import * as z from 'zod';
import { normalizeCode, READABLE_CODE } from '../../core/readableCodes';
import { ROLL_SPACE } from '../../core/lottery';
import { wearProblem } from '../../core/wearables';
import { DRAW_LIMITS, REWARD_LIMITS, SHIPPING_LIMITS } from '../../core/limits';
import { communityId, cursor, docId, inCommunity, limit, limited, requestId, text } from '../kernel/schemas';

/** The `mall` function's action inputs: what each action accepts, checked before it runs. */

export const cancelOrderInput = z.object({
  communityId,
  orderId: docId('orderId'),
  reason: text('取消原因', 100),
});

export const fulfilOrderInput = z
  .object({
    communityId,
    orderId: docId('orderId'),
    note: z.string().trim().max(200, '备注最多 200 字').optional(),
    /** A shipped reward's courier and tracking number, shown on the member's order (both or neither). */
    courier: z.string({ error: '快递公司必须是文字' }).trim().min(1, '请填写快递公司').max(20, '快递公司最多 20 个字').optional(),
    trackingNo: z
      .string({ error: '运单号必须是文字' })
      .trim()
      .regex(/^[A-Za-z0-9-]{5,40}$/, '运单号是 5–40 位字母、数字或 -')
      .optional(),
  })
  .refine((input) => !input.courier === !input.trackingNo, { message: '快递公司和运单号要一起填', path: ['trackingNo'] });

export const getOrderInput = z.object({
  communityId,
  orderId: docId('orderId'),
});

export const listDrawsInput = inCommunity;

export const listItemsInput = inCommunity;

export const listOrdersInput = z.object({
  communityId,
  scope: z.enum(['mine', 'all'], { error: 'scope 只能是 mine 或 all' }).default('mine'),
  status: z
    .enum(['unpaid', 'pending', 'fulfilled', 'cancelled'], { error: 'status 只能是 unpaid、pending、fulfilled 或 cancelled' })
    .optional(),
  cursor,
  limit,
});

export const MAX_CODES_PER_ITEM = 2000;

export const loadCodesInput = z.object({
  communityId,
  itemId: docId('itemId'),
  codes: z.array(z.string().trim().min(1, '券码不能为空').max(64, '券码太长')).min(1, '至少一个券码').max(MAX_CODES_PER_ITEM),
});

export const shippingInput = z.object({
  name: text('收件人', SHIPPING_LIMITS.name),
  phone: z
    .string({ error: PHONE_PROBLEM })
    .max(30, PHONE_PROBLEM)
    .refine((text) => phoneDigits(text) !== null, PHONE_PROBLEM),
  address: text('收货地址', SHIPPING_LIMITS.address),
});

export const redeemItemInput = z.object({
  communityId,
  itemId: docId('itemId'),
  quantity: z.number({ error: '数量必须是数字' }).int('数量必须是整数').min(1, '至少兑换 1 件').max(100, '一次最多 100 件').default(1),
  requestId,
  shipping: shippingInput.optional(),
});

export const setShippingInput = z.object({
  communityId,
  orderId: docId('orderId'),
  shipping: shippingInput,
});

export const tryDrawInput = z.object({
  communityId,
  drawId: docId('drawId'),
  requestId,
});

export const upsertDrawInput = z.object({
  communityId,
  draw: z.object({
    id: docId('id').optional(),
    name: text('抽奖名称', DRAW_LIMITS.name),
    costPoints: limited(DRAW_LIMITS.costPoints, '每次消耗积分'),
    active: z.boolean().default(true),
    prizes: z
      .array(
        z.object({
          id: z
            .string()
            .regex(/^[A-Za-z0-9_-]{1,32}$/, '奖项 id 格式不对')
            .optional(),
          name: text('奖项名称', DRAW_LIMITS.prizeName),
          weight: z.number().int('概率须为整数万分比').min(0).max(ROLL_SPACE, '概率不能超过 100%'),
          stock: limited(DRAW_LIMITS.prizeStock, '奖项数量'),
          kind: z.enum(['physical', 'coupon', 'service']).default('physical'),
          itemId: docId('itemId').nullish(),
        }),
      )
      .min(1, '至少一个奖项')
      .max(DRAW_LIMITS.prizes, `最多 ${DRAW_LIMITS.prizes} 个奖项`),
  }),
});

export const moment = z.iso.datetime({ offset: true, error: '时间须为 ISO-8601，如 2026-12-01T20:00:00+08:00' });
export const instant = moment.nullish();

export const upsertItemInput = z.object({
  communityId,
  item: z
    .object({
      id: docId('id').optional(),
      name: text('奖品名称', REWARD_LIMITS.name),
      description: z.string().trim().max(REWARD_LIMITS.description, `描述最多 ${REWARD_LIMITS.description} 字`).default(''),
      /** A shelf of the mall (个护, 课程, 优惠券 …): the members' mall filters by it. */
      category: z
        .string({ error: '分类必须是文字' })
        .trim()
        .max(REWARD_LIMITS.category, `分类最多 ${REWARD_LIMITS.category} 个字`)
        .nullish()
        .transform((c) => c || null),
      images: z.array(z.string().trim().min(1).max(500)).max(REWARD_LIMITS.images, `最多 ${REWARD_LIMITS.images} 张图`).default([]),
      kind: z
        .enum(['physical', 'coupon', 'service', 'title', 'frame'], { error: 'kind 只能是 physical、coupon、service、title 或 frame' })
        .default('physical'),
      /** A title's words or a frame's look, and the days it is worn (null: for good). */
      wear: z
        .object({
          look: z.string({ error: '请填写称号文字或选择头像框样式' }).trim().min(1, '请填写称号文字或选择头像框样式'),
          days: limited(REWARD_LIMITS.wearDays, '佩戴天数')
            .nullish()
            .transform((days) => days ?? null),
        })
        .nullish(),
      pointsPrice: limited(REWARD_LIMITS.pointsPrice, '兑换积分'),
      stock: limited(REWARD_LIMITS.stock, '库存'),
      perMemberLimit: limited(REWARD_LIMITS.perMemberLimit, '每人限兑').nullish(),
      startsAt: instant,
      endsAt: instant,
      minTier: z.string().trim().min(1).max(10).nullish(),
      active: z.boolean().default(true),
      /** 积分+现金, in fen: WeChat Pay sells goods, never points, so only a physical reward takes it. */
      cashPrice: limited(REWARD_LIMITS.cashFen, '现金价（分）').nullish(),
    })
    .refine((item) => !item.startsAt || !item.endsAt || Date.parse(item.startsAt) < Date.parse(item.endsAt), '结束时间须晚于开始时间')
    .refine(
      (item) => !item.cashPrice || item.kind === 'physical',
      '只有实物奖品可以设置积分+现金（微信支付只能卖商品，不能卖积分或虚拟物品）',
    )
    .superRefine((item, ctx) => {
      const problem = wearProblem(item.kind, item.wear);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['wear'] });
    }),
});

export const payOrderInput = z.object({
  communityId,
  orderId: docId('orderId'),
});

/** 核销: the pickup code as scanned or typed (case, spaces and dashes do not matter). */
export const verifyPickupInput = z.object({
  communityId,
  pickupCode: z
    .string({ error: '请扫核销码' })
    .max(40, '核销码是 8 位字母和数字')
    .transform(normalizeCode)
    .pipe(z.string().regex(READABLE_CODE, '核销码是 8 位字母和数字')),
});
export const pickupsWaitingInput = z.object({ communityId });
