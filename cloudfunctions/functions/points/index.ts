import { pointsActions } from '../../app/points/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(pointsActions);
