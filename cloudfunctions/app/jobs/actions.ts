import { action, type Actions } from '../dispatch';
import { expirePoints, expirePointsInput } from './expirePoints';

/** The `jobs` cloud function's actions (API.md). */
export const jobsActions = {
  expirePoints: action(expirePointsInput, expirePoints, 'trigger'),
} satisfies Actions;
