import type { Api } from '../api';
import { action, type ActionsOf } from '../dispatch';
import { expirePoints } from './expirePoints';
import { expirePointsInput } from './inputs';

/** The `jobs` cloud function's actions (API.md). */
export const jobsActions = {
  expirePoints: action(expirePointsInput, expirePoints, 'trigger'),
} satisfies ActionsOf<Api['jobs']>;
