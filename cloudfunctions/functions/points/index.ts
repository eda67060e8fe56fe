import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry('points');
