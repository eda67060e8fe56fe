import type { Actions } from './dispatch';
import { action } from './dispatch';
import { calendar, calendarInput } from './checkin/calendar';
import { checkIn, checkInInput } from './checkin/checkIn';
import { createCommunity, createCommunityInput } from './community/createCommunity';
import { getCommunity, getCommunityInput } from './community/getCommunity';
import { joinCommunity, joinCommunityInput } from './community/joinCommunity';
import { listMembers, listMembersInput } from './community/listMembers';
import { setRole, setRoleInput } from './community/setRole';
import { updateRules, updateRulesInput } from './community/updateRules';
import { expirePoints, expirePointsInput } from './jobs/expirePoints';
import { adjustPoints, adjustPointsInput } from './points/adjustPoints';
import { getMyPoints, getMyPointsInput } from './points/getMyPoints';
import { leaderboard, leaderboardInput } from './points/leaderboard';
import { listLedger, listLedgerInput } from './points/listLedger';

/** Every cloud function and its actions (API.md). A function's entry dispatches its table. */
export const FUNCTIONS = {
  community: {
    create: action(createCommunityInput, createCommunity),
    get: action(getCommunityInput, getCommunity),
    join: action(joinCommunityInput, joinCommunity),
    updateRules: action(updateRulesInput, updateRules),
    setRole: action(setRoleInput, setRole),
    members: action(listMembersInput, listMembers),
  },
  points: {
    me: action(getMyPointsInput, getMyPoints),
    ledger: action(listLedgerInput, listLedger),
    adjust: action(adjustPointsInput, adjustPoints),
    leaderboard: action(leaderboardInput, leaderboard),
  },
  checkin: {
    checkin: action(checkInInput, checkIn),
    calendar: action(calendarInput, calendar),
  },
  jobs: {
    expirePoints: action(expirePointsInput, expirePoints, 'trigger'),
  },
} satisfies Record<string, Actions>;

export type FunctionName = keyof typeof FUNCTIONS;
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
