import { communityActions } from '../../app/community/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(communityActions);
