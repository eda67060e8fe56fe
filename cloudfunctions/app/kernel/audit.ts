import { randomBytes } from 'node:crypto';
import type { Caller } from './context';
import type { AppTransaction, AuditDoc } from './documents';
import type { AuditAction } from '../../contract/views';

/**
 * Records a staff action in the audit log, inside the transaction of the action itself: the
 * event commits if and only if the action does, so none is lost or invented. A replayed request
 * that changes nothing must not call this (the use case returns before it). Event ids are
 * random whatever Deps.newId is: a seed or test that names the documents it creates must not
 * give two events one name.
 */
export async function recordAudit(
  tx: AppTransaction,
  {
    communityId,
    action,
    target,
    detail = {},
  }: { communityId: string; action: AuditAction; target: string; detail?: Record<string, unknown> },
  caller: Caller,
): Promise<void> {
  const id = randomBytes(9).toString('base64url');
  const at = caller.now.toISOString();
  const event: AuditDoc = { communityId, at, actor: caller.openid, action, target, detail, sortKey: `${at}|${id}` };
  await tx.create('audit', id, event);
}

/** The named fields that differ, before and after (all of them, before null, for something new). */
export function fieldChanges<T extends object, K extends keyof T & string>(before: T | null, after: T, fields: readonly K[]) {
  const changed = fields.filter((field) => !before || JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  const pick = (doc: T) => Object.fromEntries(changed.map((field) => [field, doc[field] ?? null]));
  return { before: before ? pick(before) : null, after: pick(after) };
}
