import type { Api } from '../api';
import { action, type ActionsOf } from '../dispatch';
import { getOverview } from './getOverview';
import { getSegments } from './getSegments';
import { overviewInput, segmentsInput } from './inputs';

/** The `stats` cloud function's actions (API.md v2 "Community health"). */
export const statsActions = {
  overview: action(overviewInput, getOverview),
  segments: action(segmentsInput, getSegments),
} satisfies ActionsOf<Api['stats']>;
