import { mallActions } from '../../app/mall/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(mallActions);
