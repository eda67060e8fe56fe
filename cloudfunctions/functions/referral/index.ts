import { referralActions } from '../../app/referral/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(referralActions);
