import { statsActions } from '../../app/stats/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(statsActions);
