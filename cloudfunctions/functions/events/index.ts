import { eventsActions } from '../../app/events/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(eventsActions);
