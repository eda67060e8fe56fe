import { noticesActions } from '../../app/notices/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(noticesActions);
