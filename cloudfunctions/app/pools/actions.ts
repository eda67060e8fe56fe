import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { contributeToPool } from './contributeToPool';
import { getPool } from './getPool';
import { contributeInput, getPoolInput, listPoolsInput, startPoolInput, upsertPoolInput } from './inputs';
import { listPools } from './listPools';
import { startPool } from './startPool';
import { upsertPool } from './upsertPool';

/** The `pools` cloud function's actions (API.md "Circulation"). */
export const poolsActions = {
  upsert: action(upsertPoolInput, upsertPool),
  start: action(startPoolInput, startPool),
  contribute: action(contributeInput, contributeToPool),
  list: action(listPoolsInput, listPools),
  get: action(getPoolInput, getPool),
} satisfies ActionsOf<Api['pools']>;
