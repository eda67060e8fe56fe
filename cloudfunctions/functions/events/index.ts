import { eventsActions } from '../../app/events/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(eventsActions);
