import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { getOverview } from './getOverview';
import { getSegments } from './getSegments';
import { exportData } from './exportData';
import { getMallBalance } from './getMallBalance';
import { exportInput, mallBalanceInput, overviewInput, segmentsInput } from './inputs';

/** The `stats` cloud function's actions (API.md v2 "Community health"). */
export const statsActions = {
  overview: action(overviewInput, getOverview),
  segments: action(segmentsInput, getSegments),
  export: action(exportInput, exportData),
  mall: action(mallBalanceInput, getMallBalance),
} satisfies ActionsOf<Api['stats']>;
