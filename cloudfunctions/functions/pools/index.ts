import { poolsActions } from '../../app/pools/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(poolsActions);
