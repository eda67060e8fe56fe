import type { Api } from '../api';
import { action, type ActionsOf } from '../dispatch';
import { calendar } from './calendar';
import { checkIn } from './checkIn';
import { calendarInput, checkInInput } from './inputs';

/** The `checkin` cloud function's actions (API.md). */
export const checkinActions = {
  checkin: action(checkInInput, checkIn),
  calendar: action(calendarInput, calendar),
} satisfies ActionsOf<Api['checkin']>;
