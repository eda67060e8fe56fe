import { noticesActions } from '../../app/notices/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(noticesActions);
