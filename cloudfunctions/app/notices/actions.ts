import { action, type Actions } from '../dispatch';
import { listNotices, listNoticesInput } from './listNotices';
import { markRead, markReadInput } from './markRead';

/** The `notices` cloud function: a member's in-app notices (review outcomes, accepted answers). */
export const noticesActions = {
  list: action(listNoticesInput, listNotices),
  read: action(markReadInput, markRead),
} satisfies Actions;
