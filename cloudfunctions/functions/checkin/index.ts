import { checkinActions } from '../../app/checkin/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(checkinActions);
