import { campaignsActions } from '../../app/campaigns/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(campaignsActions);
