import { createHash } from 'node:crypto';
import * as z from 'zod';
import { refuse } from '../../core/errors';
import { rulesFromTemplate } from '../../core/templates';
import { DEFAULT_TIMEZONE } from '../../core/days';
import type { Caller, Deps } from '../kernel/context';
import type { CommunityDoc } from './documents';
import { admitMember, newMember } from './newMember';
import { toCommunity } from './toCommunity';
import { createCommunityInput } from './inputs';
import { screenShortText } from '../kernel/contentScreening';

/**
 * An owner starts a community from a template of rules; they become its owner and first member,
 * in one transaction. Who may is the deployment's choice (Deps.creators): anyone, or a list.
 */
export async function createCommunity(input: z.output<typeof createCommunityInput>, caller: Caller, deps: Deps) {
  const { store, newId, creators } = deps;
  if (creators && !creators.includes(caller.openid)) refuse('FORBIDDEN', '这个小程序只允许受邀的群主创建社群，请联系运营方开通');
  // The name is on every share card: screened like a nickname.
  await screenShortText(deps, { openid: caller.openid, scene: 'profile', text: input.name, what: '社群名称' });
  // With a requestId the id is derived from it, so a retried create finds its first community.
  const id = input.requestId
    ? createHash('sha256').update(`${caller.openid}:${input.requestId}`).digest('base64url').slice(0, 12)
    : newId();
  const community: CommunityDoc = {
    name: input.name,
    timezone: input.timezone ?? DEFAULT_TIMEZONE,
    ownerOpenid: caller.openid,
    rules: rulesFromTemplate(input.template),
    createdAt: caller.now.toISOString(),
  };
  const created = await store.transaction(async (tx) => {
    const existing = await tx.get('communities', id);
    if (existing) return existing;
    await tx.set('communities', id, community);
    await admitMember(tx, newMember(id, caller.openid, 'owner', caller.now, '群主'));
    return { ...community, _id: id };
  });
  return { community: toCommunity(created) };
}
