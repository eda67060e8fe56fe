import * as z from 'zod';
import { communityId, cursor, docId, limit, limited, requestId, text } from '../kernel/schemas';
import { EVENT_LIMITS } from '../../core/limits';

/** The `events` function's action inputs. */

const when = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不对` });

export const eventInput = z
  .object({
    id: docId('eventId').optional(),
    title: text('活动名称', EVENT_LIMITS.title),
    description: z
      .string({ error: '介绍必须是文字' })
      .trim()
      .max(EVENT_LIMITS.description, `介绍最多 ${EVENT_LIMITS.description} 个字`)
      .default(''),
    place: z.string({ error: '地点必须是文字' }).trim().max(EVENT_LIMITS.place, `地点最多 ${EVENT_LIMITS.place} 个字`).default(''),
    startsAt: when('开始时间'),
    endsAt: when('结束时间'),
    capacity: limited(EVENT_LIMITS.capacity, '名额').nullish(),
    points: limited(EVENT_LIMITS.points, '到场积分'),
    minTier: z.string({ error: '等级必须是文字' }).trim().min(1).max(10, '等级名称最多 10 个字').nullish(),
  })
  .strict()
  .refine((e) => Date.parse(e.startsAt) < Date.parse(e.endsAt), { message: '结束时间须晚于开始时间', path: ['endsAt'] });

export const upsertEventInput = z.object({ communityId, event: eventInput });
export const listEventsInput = z.object({ communityId, cursor, limit });
export const getEventInput = z.object({ communityId, eventId: docId('eventId') });
export const signUpInput = z.object({ communityId, eventId: docId('eventId'), requestId });
export const cancelSignUpInput = z.object({ communityId, eventId: docId('eventId') });
export const attendInput = z.object({
  communityId,
  eventId: docId('eventId'),
  code: z.string({ error: '请扫会员码' }).trim().min(1, '请扫会员码').max(200, '这不是会员码'),
});
export const attendeesInput = z.object({ communityId, eventId: docId('eventId'), cursor, limit });
