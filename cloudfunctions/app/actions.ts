import { checkinActions } from './checkin/actions';
import { communityActions } from './community/actions';
import { jobsActions } from './jobs/actions';
import { mallActions } from './mall/actions';
import { noticesActions } from './notices/actions';
import { postsActions } from './posts/actions';
import { qaActions } from './qa/actions';
import { referralActions } from './referral/actions';
import { pointsActions } from './points/actions';
import { statsActions } from './stats/actions';
import { campaignsActions } from './campaigns/actions';
import { poolsActions } from './pools/actions';
import { eventsActions } from './events/actions';

/** Every cloud function and its actions (API.md), for the local runtime. */
export const FUNCTIONS = {
  community: communityActions,
  points: pointsActions,
  checkin: checkinActions,
  jobs: jobsActions,
  mall: mallActions,
  posts: postsActions,
  qa: qaActions,
  notices: noticesActions,
  referral: referralActions,
  stats: statsActions,
  campaigns: campaignsActions,
  pools: poolsActions,
  events: eventsActions,
};

export type FunctionName = keyof typeof FUNCTIONS;
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
