import { poolsActions } from '../../app/pools/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(poolsActions);
