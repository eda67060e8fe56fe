import { action, type Actions } from '../dispatch';
import { adjustPoints, adjustPointsInput } from './adjustPoints';
import { getMyPoints, getMyPointsInput } from './getMyPoints';
import { leaderboard, leaderboardInput } from './leaderboard';
import { listLedger, listLedgerInput } from './listLedger';

/** The `points` cloud function's actions (API.md). */
export const pointsActions = {
  me: action(getMyPointsInput, getMyPoints),
  ledger: action(listLedgerInput, listLedger),
  adjust: action(adjustPointsInput, adjustPoints),
  leaderboard: action(leaderboardInput, leaderboard),
} satisfies Actions;
