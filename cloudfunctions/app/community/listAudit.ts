import * as z from 'zod';
import { OWNER } from '../../core/roles';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { membersById } from '../kernel/wornBy';
import { pageOf } from '../kernel/paging';
import { listAuditInput } from './inputs';
import type { AuditAction } from '../../contract/views';

/**
 * The owner reads what staff did, newest first (操作日志); `kind` narrows it to one kind (the
 * rules' history), `actor` to one person. Each event names its actor and, where the target is a
 * member, that member, as they are called now (one query for the page's people).
 */
export async function listAudit(input: z.output<typeof listAuditInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const where = {
    communityId: input.communityId,
    ...(input.actor ? { actor: input.actor } : {}),
    ...(input.kind ? { action: input.kind as AuditAction } : {}),
  };
  const { rows, nextCursor } = await pageOf(store, 'audit', where, { ...input, order: 'desc' });
  // The member an action concerned: its target, or the member of the order, post or comment it was about.
  const concerned = (row: (typeof rows)[number]) =>
    [row.target, row.detail.member, row.detail.author].filter((v): v is string => typeof v === 'string');
  const people = [...new Set(rows.flatMap((row) => [row.actor, ...concerned(row)]))];
  const named = await membersById(store, input.communityId, people, ['nickname']);
  const nickname = new Map(named.map((m) => [m.openid, m.nickname]));
  const events = rows.map((row) => {
    const member = concerned(row).find((openid) => nickname.has(openid)) ?? null;
    const { _id, at, actor, action, target, detail } = row;
    return {
      id: _id,
      at,
      actor,
      actorName: nickname.get(actor) ?? null,
      action,
      target,
      member,
      memberName: member && nickname.get(member)!,
      detail,
    };
  });
  return { events, nextCursor };
}
