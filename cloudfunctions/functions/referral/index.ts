import { referralActions } from '../../app/referral/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(referralActions);
