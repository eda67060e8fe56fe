import { communityActions } from '../../app/community/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(communityActions);
