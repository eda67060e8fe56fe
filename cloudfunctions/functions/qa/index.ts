import { qaActions } from '../../app/qa/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(qaActions);
