import type { Community } from '../../contract/api';
import type { CommunityDoc } from './documents';

export const toCommunity = (doc: CommunityDoc & { _id: string }): Community => ({
  id: doc._id,
  name: doc.name,
  timezone: doc.timezone,
  ownerOpenid: doc.ownerOpenid,
  rules: doc.rules,
  groupsBound: doc.groups?.length ?? 0,
});
