import type * as z from 'zod';
import { reminderDue } from '../../core/events';
import { refuse } from '../../core/errors';
import { OWNER } from '../../core/roles';
import { requireMember } from '../kernel/access';
import { fieldChanges, recordAudit } from '../kernel/audit';
import type { Caller, Deps } from '../kernel/context';
import type { EventDoc } from './documents';
import { upsertEventInput } from './inputs';
import { toEvent } from './views';

const AUDITED = ['title', 'place', 'startsAt', 'endsAt', 'capacity', 'points', 'minTier'] as const;

/**
 * The owner announces an event or edits it: its capacity never drops below who already signed up,
 * a tier must be one of the community's, and an ended event is history. Audited.
 */
export async function upsertEvent(input: z.output<typeof upsertEventInput>, caller: Caller, { store, newId }: Deps) {
  const { community } = await requireMember(store, input.communityId, caller.openid, OWNER);
  const { id: givenId, ...fields } = input.event;
  if (fields.minTier && !community.rules.tiers.some((t) => t.name === fields.minTier))
    refuse('INVALID_INPUT', `没有「${fields.minTier}」这个等级`);
  const id = givenId ?? newId();
  const saved = await store.transaction(async (tx) => {
    const existing = await tx.get('events', id);
    if (givenId && (!existing || existing.communityId !== input.communityId)) refuse('NOT_FOUND', '活动不存在');
    if (existing && Date.parse(existing.endsAt) <= caller.now.getTime()) refuse('FORBIDDEN', '活动已结束，不能再修改');
    if (!existing && Date.parse(fields.endsAt) <= caller.now.getTime()) refuse('INVALID_INPUT', '结束时间已经过去了');
    const capacity = fields.capacity ?? null;
    if (existing && capacity !== null && capacity < existing.signedUp)
      refuse('CONFLICT', `已有 ${existing.signedUp} 人报名，名额不能少于这个数`);
    const at = caller.now.toISOString();
    const due = reminderDue(fields);
    const doc: EventDoc = {
      communityId: input.communityId,
      title: fields.title,
      description: fields.description,
      place: fields.place,
      startsAt: fields.startsAt,
      endsAt: fields.endsAt,
      capacity,
      points: fields.points,
      minTier: fields.minTier ?? null,
      signedUp: existing?.signedUp ?? 0,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      sortKey: `${fields.startsAt}|${id}`,
      // A moved start moves the reminder; one already sent is not sent again.
      remindKey: existing && existing.remindKey === null && existing.startsAt === fields.startsAt ? null : `${due}|${id}`,
    };
    await tx.set('events', id, doc);
    const change = fieldChanges(existing as unknown as Record<string, unknown> | null, doc as unknown as Record<string, unknown>, AUDITED);
    if (Object.keys(change.after).length)
      await recordAudit(tx, { communityId: input.communityId, action: 'events.upsert', target: id, detail: change }, caller);
    return { ...doc, _id: id };
  });
  return { event: toEvent(saved, null, caller.now) };
}
