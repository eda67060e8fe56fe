import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { expirePoints } from './expirePoints';
import {
  expirePointsInput,
  monthlyAwardsInput,
  reviewTiersInput,
  rollupStatsInput,
  settlePoolsInput,
  expireUnpaidInput,
  settleRefundsInput,
  runBatchesInput,
  remindInput,
  remindEventsInput,
  tickInput,
} from './inputs';
import { expireUnpaid } from './expireUnpaid';
import { settlePools } from './settlePools';
import { monthlyAwards } from './monthlyAwards';
import { reviewTiers } from './reviewTiers';
import { rollupStats } from './rollupStats';
import { settleRefunds } from './settleRefunds';
import { runBatches } from './runBatches';
import { remind } from './remind';
import { remindEvents } from './remindEvents';
import { tick } from './tick';

/** The `jobs` cloud function's actions (API.md). */
export const jobsActions = {
  expirePoints: action(expirePointsInput, expirePoints, 'trigger'),
  rollupStats: action(rollupStatsInput, rollupStats, 'trigger'),
  reviewTiers: action(reviewTiersInput, reviewTiers, 'trigger'),
  monthlyAwards: action(monthlyAwardsInput, monthlyAwards, 'trigger'),
  settlePools: action(settlePoolsInput, settlePools, 'trigger'),
  expireUnpaid: action(expireUnpaidInput, expireUnpaid, 'trigger'),
  settleRefunds: action(settleRefundsInput, settleRefunds, 'trigger'),
  runBatches: action(runBatchesInput, runBatches, 'trigger'),
  remind: action(remindInput, remind, 'trigger'),
  remindEvents: action(remindEventsInput, remindEvents, 'trigger'),
  tick: action(tickInput, (input, caller, deps) => tick(input, caller, deps), 'trigger'),
} satisfies ActionsOf<Api['jobs']>;
