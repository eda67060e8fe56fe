import { qaActions } from '../../app/qa/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(qaActions);
