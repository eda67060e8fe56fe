import { checkinActions } from '../../app/checkin/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(checkinActions);
