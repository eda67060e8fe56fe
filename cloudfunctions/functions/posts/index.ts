import { postsActions } from '../../app/posts/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(postsActions);
