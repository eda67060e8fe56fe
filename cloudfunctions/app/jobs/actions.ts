import type { Api } from '../api';
import { action, type ActionsOf } from '../dispatch';
import { expirePoints } from './expirePoints';
import { expirePointsInput, rollupStatsInput } from './inputs';
import { rollupStats } from './rollupStats';

/** The `jobs` cloud function's actions (API.md). */
export const jobsActions = {
  expirePoints: action(expirePointsInput, expirePoints, 'trigger'),
  rollupStats: action(rollupStatsInput, rollupStats, 'trigger'),
} satisfies ActionsOf<Api['jobs']>;
