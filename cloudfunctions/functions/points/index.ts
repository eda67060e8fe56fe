import { pointsActions } from '../../app/points/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(pointsActions);
