import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { listNotices } from './listNotices';
import { markRead } from './markRead';
import { broadcast } from './broadcast';
import { subscribe, subscriptions } from './subscribe';
import { broadcastInput, listNoticesInput, markReadInput, subscribeInput, subscriptionsInput } from './inputs';

/** The `notices` cloud function: a member's in-app notices (review outcomes, accepted answers), and the owner's broadcasts. */
export const noticesActions = {
  list: action(listNoticesInput, listNotices),
  read: action(markReadInput, markRead),
  broadcast: action(broadcastInput, broadcast),
  subscribe: action(subscribeInput, subscribe),
  subscriptions: action(subscriptionsInput, subscriptions),
} satisfies ActionsOf<Api['notices']>;
