import { checkinActions } from './checkin/actions';
import { communityActions } from './community/actions';
import { jobsActions } from './jobs/actions';
import { mallActions } from './mall/actions';
import { pointsActions } from './points/actions';

/** Every cloud function and its actions (API.md), for the local runtime. */
export const FUNCTIONS = {
  community: communityActions,
  points: pointsActions,
  checkin: checkinActions,
  jobs: jobsActions,
  mall: mallActions,
};

export type FunctionName = keyof typeof FUNCTIONS;
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
