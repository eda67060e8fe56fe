import { mallActions } from '../../app/mall/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(mallActions);
