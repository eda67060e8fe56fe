import * as z from 'zod';
import { OWNER } from '../../core/roles';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import type { AuditAction } from '../documents';
import { pageOf } from '../paging';
import { listAuditInput } from './inputs';

/** The owner reads what staff did, newest first; `kind` narrows it to one kind (the rules' history). */
export async function listAudit(input: z.output<typeof listAuditInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const where = { communityId: input.communityId, ...(input.kind ? { action: input.kind as AuditAction } : {}) };
  const { rows, nextCursor } = await pageOf(store, 'audit', where, { ...input, order: 'desc' });
  return { events: rows.map(({ _id, at, actor, action, target, detail }) => ({ id: _id, at, actor, action, target, detail })), nextCursor };
}
