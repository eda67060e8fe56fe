import type { Api } from '../api';
import { action, type ActionsOf } from '../dispatch';
import { calendar } from './calendar';
import { checkIn } from './checkIn';
import { makeUp } from './makeUp';
import { calendarInput, checkInInput, makeUpInput } from './inputs';

/** The `checkin` cloud function's actions (API.md). */
export const checkinActions = {
  checkin: action(checkInInput, checkIn),
  calendar: action(calendarInput, calendar),
  makeUp: action(makeUpInput, makeUp),
} satisfies ActionsOf<Api['checkin']>;
