import type { Api } from '../api';
import { action, type ActionsOf } from '../dispatch';
import { listNotices } from './listNotices';
import { markRead } from './markRead';
import { listNoticesInput, markReadInput } from './inputs';

/** The `notices` cloud function: a member's in-app notices (review outcomes, accepted answers). */
export const noticesActions = {
  list: action(listNoticesInput, listNotices),
  read: action(markReadInput, markRead),
} satisfies ActionsOf<Api['notices']>;
