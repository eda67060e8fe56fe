import { campaignsActions } from '../../app/campaigns/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(campaignsActions);
