import type { Api } from '../api';
import { action, type ActionsOf } from '../dispatch';
import { adjustPoints } from './adjustPoints';
import { getMyPoints } from './getMyPoints';
import { leaderboard } from './leaderboard';
import { listLedger } from './listLedger';
import { listBadges, listTasks, listTiers } from './engagementViews';
import { transferPoints } from './transferPoints';
import { bulkAward } from './bulkAward';
import { getBatch } from './getBatch';
import { adjustPointsInput, batchInput, bulkAwardInput, transferInput, badgesInput, getMyPointsInput, leaderboardInput, listLedgerInput, tasksInput, tiersInput } from './inputs';

/** The `points` cloud function's actions (API.md). */
export const pointsActions = {
  me: action(getMyPointsInput, getMyPoints),
  ledger: action(listLedgerInput, listLedger),
  adjust: action(adjustPointsInput, adjustPoints),
  leaderboard: action(leaderboardInput, leaderboard),
  tiers: action(tiersInput, listTiers),
  badges: action(badgesInput, listBadges),
  tasks: action(tasksInput, listTasks),
  transfer: action(transferInput, transferPoints),
  bulkAward: action(bulkAwardInput, bulkAward),
  batch: action(batchInput, getBatch),
} satisfies ActionsOf<Api['points']>;
