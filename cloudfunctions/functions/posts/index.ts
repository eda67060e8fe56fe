import { postsActions } from '../../app/posts/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(postsActions);
