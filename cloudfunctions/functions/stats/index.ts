import { statsActions } from '../../app/stats/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(statsActions);
