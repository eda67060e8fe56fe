import type { Api } from '../api';
import { action, type ActionsOf } from '../dispatch';
import { listNotices } from './listNotices';
import { markRead } from './markRead';
import { broadcast } from './broadcast';
import { broadcastInput, listNoticesInput, markReadInput } from './inputs';

/** The `notices` cloud function: a member's in-app notices (review outcomes, accepted answers), and the owner's broadcasts. */
export const noticesActions = {
  list: action(listNoticesInput, listNotices),
  read: action(markReadInput, markRead),
  broadcast: action(broadcastInput, broadcast),
} satisfies ActionsOf<Api['notices']>;
